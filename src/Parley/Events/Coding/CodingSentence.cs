using Parley.Documents;

namespace Parley.Events.Coding;

/// <summary>One word of a sentence as the coder sees it: upper-case form and lemma, tag and dependency (sentence-relative head).</summary>
public readonly record struct CodingWord(string Form, string? Lemma, UPos Upos, int Head, string? DepRel, TextSpan Span);

/// <summary>An actor phrase found in a sentence: the words it covers and the actor codes it stands for.</summary>
public sealed class ActorPhrase
{
    public required int Start { get; init; }

    /// <summary>One past the last word.</summary>
    public required int End { get; set; }

    /// <summary>One code per member ("ARNGOV"; a compound "Gondor and Osgiliath" has two).</summary>
    public List<string> Codes { get; } = [];

    /// <summary>For each member, the entity it came from (document entity index), or -1.</summary>
    public List<int> Entities { get; } = [];

    /// <summary>For each member, the words that name it (start, end), for building entities.</summary>
    public List<(int Start, int End)> MemberSpans { get; } = [];

    public bool IsCompound => Codes.Count > 1;

    public override string ToString() => string.Join("/", Codes);
}

/// <summary>The words of one sentence, built from a document's token layer or from plain text.</summary>
public sealed class CodingSentence
{
    public CodingSentence(IReadOnlyList<CodingWord> words, TextSpan span)
    {
        Words = words;
        Span = span;
        Forms = words.Select(w => w.Form).ToArray();
        HasTags = words.Any(w => w.Upos != UPos.None);
        HasParse = words.Count > 0 && words.All(w => w.Head >= -1 && w.Head < words.Count) && words.Any(w => w.DepRel is not null);
    }

    public IReadOnlyList<CodingWord> Words { get; }

    public string[] Forms { get; }

    public TextSpan Span { get; }

    /// <summary>True when a tagger has filled part-of-speech tags.</summary>
    public bool HasTags { get; }

    /// <summary>True when a dependency parser has filled heads and relations.</summary>
    public bool HasParse { get; }

    public int Count => Words.Count;

    /// <summary>The words of sentence <paramref name="index"/> of <paramref name="document"/>, with heads made sentence-relative.</summary>
    public static CodingSentence FromDocument(NewsDocument document, int index)
    {
        var s = document.Sentences[index];
        var tokens = document.Tokens.AsSpan();
        var words = new CodingWord[s.TokenCount];
        for (int i = 0; i < s.TokenCount; i++)
        {
            ref readonly var t = ref tokens[s.FirstToken + i];
            var form = (t.Form ?? document.Text.Substring(t.Start, t.Length)).ToUpperInvariant();
            int head = t.Head >= 0 ? t.Head - s.FirstToken : t.Head;
            if (t.Head >= 0 && (head < 0 || head >= s.TokenCount))
            {
                head = TokenLayer.NoHead;
            }

            words[i] = new CodingWord(form, t.Lemma?.ToUpperInvariant(), t.Upos, head, t.DepRel, t.Span);
        }

        return new CodingSentence(words, s.Span);
    }
}
