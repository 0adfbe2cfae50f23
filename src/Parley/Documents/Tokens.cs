using System.Runtime.InteropServices;

namespace Parley.Documents;

/// <summary>Universal part-of-speech tags (UD v2). <see cref="None"/> means "not tagged yet" ("_" in JSON, as in CoNLL-U).</summary>
public enum UPos : byte
{
    [System.Text.Json.Serialization.JsonStringEnumMemberName("_")]
    None = 0,
    ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SYM, VERB, X,
}

/// <summary>
/// One syntactic word. Stored by value in <see cref="TokenLayer"/>; label strings are shared instances
/// taken from a model's label table, so a token costs no string allocation.
/// </summary>
[StructLayout(LayoutKind.Auto)]
public struct TokenData
{
    public int Start { get; set; }

    public int Length { get; set; }

    /// <summary>Index of the sentence holding this token, or -1 before sentences are split.</summary>
    public int Sentence { get; set; }

    public UPos Upos { get; set; }

    public string? Xpos { get; set; }

    public string? Lemma { get; set; }

    /// <summary>UD morphological features ("Number=Sing|Person=3"), or null.</summary>
    public string? Feats { get; set; }

    /// <summary>Document-wide index of the syntactic head; -1 for the root of its sentence; <see cref="TokenLayer.NoHead"/> before parsing.</summary>
    public int Head { get; set; }

    public string? DepRel { get; set; }

    /// <summary>The word's form when it differs from its text span (one part of a multi-word token such as "du" = "de" + "le"); otherwise null.</summary>
    public string? Form { get; set; }

    public TokenData(int start, int length)
    {
        Start = start;
        Length = length;
        Sentence = -1;
        Head = TokenLayer.NoHead;
    }

    [System.Text.Json.Serialization.JsonIgnore]
    public readonly TextSpan Span => new(Start, Length);
}

/// <summary>A light view of one token of a document; copy it freely.</summary>
public readonly struct Token
{
    private readonly NewsDocument _document;

    public Token(NewsDocument document, int index)
    {
        _document = document;
        Index = index;
    }

    public int Index { get; }

    public ref readonly TokenData Data => ref _document.Tokens.Items[Index];

    public TextSpan Span => Data.Span;

    public ReadOnlySpan<char> TextSpan => _document.Text.AsSpan(Data.Start, Data.Length);

    /// <summary>The word's form: its override for multi-word token parts, else its text.</summary>
    public string Form => Data.Form ?? _document.Text.Substring(Data.Start, Data.Length);

    public UPos Upos => Data.Upos;

    public string? Lemma => Data.Lemma;

    public int Head => Data.Head;

    public string? DepRel => Data.DepRel;

    public override string ToString() => Form;
}

/// <summary>The document's tokens in text order, packed in one array.</summary>
public sealed class TokenLayer
{
    public const int NoHead = -2;

    private TokenData[] _items = [];

    public int Count { get; private set; }

    /// <summary>The live rows; only the first <see cref="Count"/> are valid.</summary>
    public TokenData[] Items => _items;

    public ReadOnlySpan<TokenData> AsSpan() => _items.AsSpan(0, Count);

    public Span<TokenData> AsWritableSpan() => _items.AsSpan(0, Count);

    public ref TokenData this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                ThrowHelper.ThrowIndexOutOfRange(nameof(index));
            }

            return ref _items[index];
        }
    }

    public int Add(in TokenData token)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, Math.Max(16, _items.Length * 2));
        }

        _items[Count] = token;
        return Count++;
    }

    public void Clear() => Count = 0;

    /// <summary>Replaces every token (used when a better tokenizer re-tokenises the document).</summary>
    public void Set(IEnumerable<TokenData> tokens)
    {
        Clear();
        foreach (var token in tokens)
        {
            Add(token);
        }
    }

    /// <summary>Index of the first token whose span ends after <paramref name="offset"/>; <see cref="Count"/> when none.</summary>
    public int FirstEndingAfter(int offset)
    {
        int lo = 0, hi = Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_items[mid].Start + _items[mid].Length <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The range of token indices lying inside <paramref name="span"/>.</summary>
    public Range Within(TextSpan span)
    {
        int first = FirstEndingAfter(span.Start);
        while (first < Count && _items[first].Start < span.Start)
        {
            first++;
        }

        int last = first;
        while (last < Count && _items[last].Start + _items[last].Length <= span.End)
        {
            last++;
        }

        return first..last;
    }
}

/// <summary>A sentence: its text span and the range of its tokens.</summary>
public record struct SentenceData(int Start, int Length, int FirstToken, int TokenCount)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public readonly TextSpan Span => new(Start, Length);

    [System.Text.Json.Serialization.JsonIgnore]
    public readonly int EndToken => FirstToken + TokenCount;
}
