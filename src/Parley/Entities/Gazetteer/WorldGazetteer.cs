using Parley.Documents;

namespace Parley.Entities.Gazetteer;

/// <summary>
/// The built-in world gazetteer: countries and territories (ISO 3166-1 alpha-2/alpha-3, CAMEO code, names,
/// demonyms, capital), cities, first-level subdivisions, supranational areas, international organisations,
/// non-state groups and government metonyms ("the Kremlin"; capitals such as "Moscow" as the government).
/// The data is compiled into the assembly (Data/*.tsv, described in Data/README.md).
/// <para>
/// Lookup is by surface form. <see cref="FindAll(NewsDocument)"/> scans a document's tokens left to right and
/// returns the longest name starting at each token ("North Korea", not "Korea"); matches start at a token start
/// and end at a token end, so they do not depend on how the tokenizer splits inside a name ("Guinea-Bissau",
/// "U.S."). <see cref="FindAll(string)"/> does the same over plain text using word boundaries. Matching ignores
/// diacritics and the kind of apostrophe or dash, and checks letter case with <see cref="MatchCase"/> rules:
/// "US" never matches "us", "Turkey" never matches "turkey", "GEORGIA" matches "Georgia".
/// </para>
/// <para>Thread-safe: the instance is immutable after construction. Use <see cref="Default"/>.</para>
/// </summary>
public sealed class WorldGazetteer
{
    private static readonly Lazy<WorldGazetteer> DefaultInstance = new(() => GazetteerLoader.LoadEmbedded(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly GazetteerEntry[] _entries;
    private readonly SurfaceTrie _trie;
    private readonly Dictionary<string, GazetteerEntry> _countriesByCode;

    internal WorldGazetteer(GazetteerEntry[] entries, SurfaceTrie trie, Dictionary<string, GazetteerEntry> countriesByCode)
    {
        _entries = entries;
        _trie = trie;
        _countriesByCode = countriesByCode;
    }

    /// <summary>The gazetteer compiled into Parley (loaded on first use, then shared).</summary>
    public static WorldGazetteer Default => DefaultInstance.Value;

    public IReadOnlyList<GazetteerEntry> Entries => _entries;

    /// <summary>The country with this ISO 3166-1 alpha-2 or alpha-3 code or CAMEO code ("GE", "GEO", "KSV"), or null.</summary>
    public GazetteerEntry? Country(string code) =>
        _countriesByCode.TryGetValue(code, out var entry) ? entry : null;

    /// <summary>The entries a whole string names ("Georgia" → the country and the US state), or an empty list.</summary>
    public IReadOnlyList<GazetteerEntry> Lookup(string surface)
    {
        ArgumentNullException.ThrowIfNull(surface);
        string trimmed = surface.Trim();
        var match = _trie.LongestAt(trimmed, 0, trimmed.Length, new TextBoundaries(trimmed));
        return match is not null && match.Length == trimmed.Length ? match.Candidates : [];
    }

    /// <summary>The longest name that starts at <paramref name="start"/> in plain text, or null.</summary>
    public GazetteerMatch? MatchAt(string text, int start)
    {
        ArgumentNullException.ThrowIfNull(text);
        if ((uint)start >= (uint)text.Length || (start > 0 && SurfaceText.IsWordChar(text[start - 1]) && SurfaceText.IsWordChar(text[start])))
        {
            return null;
        }

        return _trie.LongestAt(text, start, text.Length, new TextBoundaries(text));
    }

    /// <summary>Every name in plain text, longest first and without overlaps, using word boundaries.</summary>
    public IReadOnlyList<GazetteerMatch> FindAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<GazetteerMatch>();
        var boundaries = new TextBoundaries(text);
        int i = 0;
        while (i < text.Length)
        {
            if (!SurfaceText.IsSpace(text[i]) && (i == 0 || !SurfaceText.IsWordChar(text[i - 1]) || !SurfaceText.IsWordChar(text[i]))
                && _trie.LongestAt(text, i, text.Length, boundaries) is { } match)
            {
                result.Add(match);
                i = match.End;
                continue;
            }

            i++;
        }

        return result;
    }

    /// <summary>Every name in a document, over its tokens (the document must be tokenized).</summary>
    public IReadOnlyList<GazetteerMatch> FindAll(NewsDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tokens = document.Tokens.AsSpan();
        var spans = new TextSpan[tokens.Length];
        for (int i = 0; i < tokens.Length; i++)
        {
            spans[i] = tokens[i].Span;
        }

        return FindAll(document.Text, spans);
    }

    /// <summary>Every name over a token sequence: matches start at a token start and end at a token end.</summary>
    public IReadOnlyList<GazetteerMatch> FindAll(string text, ReadOnlySpan<TextSpan> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<GazetteerMatch>();
        int i = 0;
        while (i < tokens.Length)
        {
            var match = MatchAt(text, tokens, i);
            if (match is null)
            {
                i++;
                continue;
            }

            result.Add(match);
            while (i < tokens.Length && tokens[i].Start < match.End)
            {
                i++;
            }
        }

        return result;
    }

    /// <summary>The longest name starting at token <paramref name="tokenIndex"/>, or null.</summary>
    public GazetteerMatch? MatchAt(string text, ReadOnlySpan<TextSpan> tokens, int tokenIndex)
    {
        if ((uint)tokenIndex >= (uint)tokens.Length)
        {
            return null;
        }

        var boundaries = new TokenBoundaries(tokens, tokenIndex);
        int limit = tokens[^1].End;
        return _trie.LongestAt(text, tokens[tokenIndex].Start, Math.Min(limit, text.Length), boundaries);
    }
}

/// <summary>Says where a name may end.</summary>
internal interface IEndBoundaries
{
    bool IsEnd(int offset);
}

/// <summary>In plain text a name ends where a word ends (or at any non-word character).</summary>
internal readonly struct TextBoundaries(string text) : IEndBoundaries
{
    public bool IsEnd(int offset) =>
        offset >= text.Length || !SurfaceText.IsWordChar(text[offset]) || !SurfaceText.IsWordChar(text[offset - 1]);
}

/// <summary>Over tokens a name ends where a token ends. Offsets are asked in increasing order, so a cursor suffices.</summary>
internal ref struct TokenBoundaries(ReadOnlySpan<TextSpan> tokens, int first) : IEndBoundaries
{
    private readonly ReadOnlySpan<TextSpan> _tokens = tokens;
    private int _cursor = first;

    public bool IsEnd(int offset)
    {
        while (_cursor < _tokens.Length && _tokens[_cursor].End < offset)
        {
            _cursor++;
        }

        return _cursor < _tokens.Length && _tokens[_cursor].End == offset;
    }
}
