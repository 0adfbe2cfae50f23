using System.Collections.Frozen;

namespace Parley.Events.Dictionaries;

/// <summary>What one element of a pattern matches.</summary>
public enum PatternItemKind : byte
{
    /// <summary>A word (upper case).</summary>
    Word,

    /// <summary>Any phrase of a synset.</summary>
    Synset,

    /// <summary>$: the source actor.</summary>
    Source,

    /// <summary>+: the target actor.</summary>
    Target,

    /// <summary>%: a compound actor that is both source and target (the parties act towards each other).</summary>
    Compound,

    /// <summary>^: skip one actor phrase.</summary>
    Skip,
}

/// <summary>One element of a pattern; <see cref="Adjacent"/> when it must directly follow the previous element (written '_').</summary>
public readonly record struct PatternItem(PatternItemKind Kind, string Text, bool Adjacent);

/// <summary>
/// A verb or noun pattern: elements that must appear before the anchor word (listed from the anchor outwards)
/// and after it (in text order), and the code it yields. A code "a:b" yields a for source to target and b for
/// target to source.
/// </summary>
public sealed class EventPattern
{
    public required PatternItem[] Before { get; init; }

    public required PatternItem[] After { get; init; }

    /// <summary>The code for source to target; "---" means "no event".</summary>
    public required string Code { get; init; }

    /// <summary>The code for target to source, when the pattern codes both directions.</summary>
    public string? ReverseCode { get; init; }

    /// <summary>Where the pattern was written ("file:line"), for diagnostics.</summary>
    public required string Origin { get; init; }

    /// <summary>How many elements must match; longer patterns are tried first.</summary>
    public int Weight => Before.Length + After.Length;
}

/// <summary>One anchor word (or multi-word verb) of a dictionary, with the patterns that may refine its code.</summary>
public sealed class VerbEntry
{
    /// <summary>The anchor's words in text order (one for a plain verb; "BREAK DOWN", "WIRE TAP" for multi-word forms).</summary>
    public required string[] Words { get; init; }

    /// <summary>Which of <see cref="Words"/> is the anchor itself.</summary>
    public int AnchorIndex { get; init; }

    /// <summary>Upper-case surface forms of the anchor word that match this entry.</summary>
    public required string[] Forms { get; init; }

    /// <summary>The code when no pattern matches; null or "---" means the bare word codes nothing.</summary>
    public string? Code { get; init; }

    public string? ReverseCode { get; init; }

    /// <summary>The patterns of the entry's block, most specific first.</summary>
    public required EventPattern[] Patterns { get; init; }

    /// <summary>True when the anchor is a noun ("talks", "sanctions"); false for verbs.</summary>
    public bool IsNoun { get; init; }

    /// <summary>The block's name, for diagnostics.</summary>
    public required string Block { get; init; }
}

/// <summary>
/// A verb-pattern dictionary in the PETRARCH/TABARI "verbpatterns" format: synsets (&amp;NAME with +phrases), then
/// blocks opened by "--- NAME [code] ---", each listing verbs (with irregular forms in {...} and an optional
/// code) and patterns "- words * words [code]". Parley's own patterns use the same format, with "NOUN" blocks
/// for event nouns.
/// </summary>
public sealed class VerbDictionary
{
    private readonly FrozenDictionary<string, VerbEntry[]> _byForm;
    private readonly FrozenDictionary<string, string[][]> _synsets;

    private VerbDictionary(string name, Dictionary<string, List<VerbEntry>> byForm, Dictionary<string, string[][]> synsets, bool matchLemmas)
    {
        Name = name;
        _byForm = byForm.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _synsets = synsets.ToFrozenDictionary(StringComparer.Ordinal);
        MatchLemmas = matchLemmas;
        EntryCount = byForm.Values.SelectMany(v => v).Distinct().Count();
    }

    public string Name { get; }

    /// <summary>True when words match by lemma as well as by form (Parley's own patterns); PETRARCH dictionaries match forms only.</summary>
    public bool MatchLemmas { get; }

    public int EntryCount { get; }

    /// <summary>The entries whose anchor word has this upper-case form or lemma.</summary>
    public ReadOnlySpan<VerbEntry> Lookup(string upperForm) =>
        _byForm.TryGetValue(upperForm, out var entries) ? entries : ReadOnlySpan<VerbEntry>.Empty;

    /// <summary>The phrases (upper-case words) of a synset, or null when it is not defined.</summary>
    public string[][]? Synset(string name) => _synsets.TryGetValue(name, out var phrases) ? phrases : null;

    public static VerbDictionary Load(string path, bool matchLemmas = false)
    {
        if (!File.Exists(path))
        {
            throw new ParleyException(ErrorCode.NotFound, $"verb dictionary '{path}' does not exist");
        }

        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path), matchLemmas);
    }

    public static VerbDictionary Read(TextReader reader, string name, bool matchLemmas = false)
    {
        var synsetsRaw = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var synsetPluralless = new HashSet<string>(StringComparer.Ordinal);
        var blocks = new List<RawBlock>();
        RawBlock? block = null;
        string? synset = null;
        foreach (var (number, text) in DictionaryText.Lines(reader))
        {
            var line = text.Trim();
            if (line.Length == 0)
            {
                synset = null;
                continue;
            }

            if (line.StartsWith("---", StringComparison.Ordinal))
            {
                synset = null;
                block = ParseHeader(line, number);
                blocks.Add(block);
                continue;
            }

            if (line[0] == '&')
            {
                block = null;
                var label = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0].TrimStart('&');
                if (label.EndsWith('_'))
                {
                    label = label[..^1];
                    synsetPluralless.Add(label);
                }

                synset = label.ToUpperInvariant();
                synsetsRaw[synset] = [];
                continue;
            }

            if (synset is not null && line[0] == '+')
            {
                synsetsRaw[synset].Add(line[1..].Trim());
                continue;
            }

            if (block is null)
            {
                continue;
            }

            if (line[0] == '-')
            {
                if (ParsePattern(line[1..], $"{name}:{number}") is { } pattern)
                {
                    block.Patterns.Add(pattern);
                }
            }
            else
            {
                block.Lines.Add((line, number));
            }
        }

        var synsets = ExpandSynsets(synsetsRaw, synsetPluralless);
        var byForm = new Dictionary<string, List<VerbEntry>>(StringComparer.Ordinal);
        foreach (var b in blocks)
        {
            // Patterns whose synsets are undefined are ignored, as PETRARCH does.
            var patterns = b.Patterns
                .Where(p => p.Before.Concat(p.After).All(i => i.Kind != PatternItemKind.Synset || synsets.ContainsKey(i.Text)))
                .Select((p, i) => (p, i))
                .OrderByDescending(x => x.p.Weight).ThenBy(x => x.i)
                .Select(x => x.p).ToArray();
            foreach (var (line, number) in b.Lines)
            {
                if (ParseVerbLine(line, b, patterns) is not { } entry)
                {
                    continue;
                }

                foreach (var form in entry.Forms)
                {
                    if (!byForm.TryGetValue(form, out var list))
                    {
                        byForm[form] = list = [];
                    }

                    if (!list.Contains(entry))
                    {
                        list.Add(entry);
                    }
                }
            }
        }

        return new VerbDictionary(name, byForm, synsets, matchLemmas);
    }

    private sealed class RawBlock
    {
        public required string Name { get; init; }

        public string? Code { get; init; }

        public bool IsNoun { get; init; }

        public List<EventPattern> Patterns { get; } = [];

        public List<(string Line, int Number)> Lines { get; } = [];
    }

    private static RawBlock ParseHeader(string line, int number)
    {
        var inner = line.Trim('-', ' ');
        var (code, rest) = TakeCode(inner);
        var name = rest.Trim();
        bool isNoun = name.StartsWith("NOUN ", StringComparison.OrdinalIgnoreCase) || name.EndsWith(" NOUN", StringComparison.OrdinalIgnoreCase);
        return new RawBlock { Name = name.Length > 0 ? name : $"block at line {number}", Code = code, IsNoun = isNoun };
    }

    /// <summary>Takes the first [code] out of a line: returns the code and the text before it.</summary>
    private static (string? Code, string Remainder) TakeCode(string text)
    {
        int open = text.IndexOf('[');
        if (open < 0)
        {
            return (null, text);
        }

        int close = text.IndexOf(']', open);
        if (close < 0)
        {
            return (null, text[..open]);
        }

        var code = text[(open + 1)..close].Trim();
        return (code.Length == 0 ? null : code, text[..open]);
    }

    private static VerbEntry? ParseVerbLine(string line, RawBlock block, EventPattern[] patterns)
    {
        var (code, rest) = TakeCode(line);
        string? irregular = null;
        int brace = rest.IndexOf('{');
        if (brace >= 0)
        {
            int close = rest.IndexOf('}', brace);
            irregular = close > brace ? rest[(brace + 1)..close] : rest[(brace + 1)..];
            rest = rest[..brace];
        }

        rest = rest.Trim().TrimStart('+');
        if (rest.Length == 0)
        {
            return null;
        }

        // A multi-word verb marks its verb with '+' ("WIRE_+TAP"); otherwise the first word is the verb.
        var rawWords = rest.Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int anchor = Array.FindIndex(rawWords, w => w.StartsWith('+'));
        if (anchor < 0)
        {
            anchor = 0;
        }

        var words = rawWords.Select(w => w.TrimStart('+').ToUpperInvariant()).ToArray();
        var head = words[anchor];
        var forms = new List<string>();
        if (block.IsNoun)
        {
            forms.Add(head);
            forms.Add(DictionaryText.Plural(head));
        }
        else
        {
            forms.AddRange(DictionaryText.VerbForms(head));
        }

        if (irregular is not null)
        {
            foreach (var form in irregular.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var formWords = form.Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
                int a = Array.FindIndex(formWords, w => w.StartsWith('+'));
                forms.Add(formWords[a < 0 ? Math.Min(anchor, formWords.Length - 1) : a].TrimStart('+').ToUpperInvariant());
            }
        }

        var (primary, reverse) = SplitCode(code ?? block.Code);
        return new VerbEntry
        {
            Words = words,
            AnchorIndex = anchor,
            Forms = forms.Distinct(StringComparer.Ordinal).ToArray(),
            Code = primary,
            ReverseCode = reverse,
            Patterns = patterns,
            IsNoun = block.IsNoun,
            Block = block.Name,
        };
    }

    internal static (string? Code, string? Reverse) SplitCode(string? code)
    {
        if (code is null)
        {
            return (null, null);
        }

        int colon = code.IndexOf(':');
        return colon < 0 ? (code, null) : (code[..colon], code[(colon + 1)..]);
    }

    private static EventPattern? ParsePattern(string text, string origin)
    {
        var (code, rest) = TakeCode(text);
        if (code is null)
        {
            return null;
        }

        // "**" is the anchor in later PETRARCH files; "*" in earlier ones.
        rest = rest.Replace("**", "*");
        int star = rest.IndexOf('*');
        if (star < 0)
        {
            return null;
        }

        var before = Items(rest[..star], endsAtAnchor: true);
        var after = Items(rest[(star + 1)..], endsAtAnchor: false);
        if (before is null || after is null)
        {
            return null;
        }

        Array.Reverse(before);
        var (primary, reverse) = SplitCode(code);
        return new EventPattern { Before = before, After = after, Code = primary!, ReverseCode = reverse, Origin = origin };
    }

    /// <summary>
    /// Parses one side of a pattern. '_' joins an element to its neighbour: on the left side the joined pair must be
    /// adjacent, and "IN_*" means "IN" directly before the anchor; on the right "*_OUT" means directly after.
    /// The Adjacent flag of each element says it must touch the element nearer the anchor.
    /// </summary>
    private static PatternItem[]? Items(string side, bool endsAtAnchor)
    {
        var items = new List<PatternItem>();
        var s = side.Trim();
        if (s.Length == 0)
        {
            return [];
        }

        // Tokenise keeping track of joins: a join before token i means tokens i-1 and i are adjacent.
        var tokens = new List<(string Text, bool JoinedToPrevious)>();
        var current = new System.Text.StringBuilder();
        bool pendingJoin = false, joinForCurrent = false;
        bool leadingJoin = false, trailingJoin = false;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c is ' ' or '\t' or '_')
            {
                if (current.Length > 0)
                {
                    tokens.Add((current.ToString(), joinForCurrent));
                    current.Clear();
                    joinForCurrent = false;
                    pendingJoin = false;
                }

                if (c == '_')
                {
                    if (tokens.Count == 0 && current.Length == 0)
                    {
                        leadingJoin = true;
                    }

                    pendingJoin = true;
                }

                continue;
            }

            if (current.Length == 0)
            {
                joinForCurrent = pendingJoin && tokens.Count > 0;
                pendingJoin = false;
            }

            current.Append(c);
        }

        if (current.Length > 0)
        {
            tokens.Add((current.ToString(), joinForCurrent));
        }
        else if (pendingJoin)
        {
            trailingJoin = true;
        }

        for (int i = 0; i < tokens.Count; i++)
        {
            var (t, joined) = tokens[i];
            PatternItem item;
            switch (t)
            {
                case "$":
                    item = new(PatternItemKind.Source, t, false);
                    break;
                case "+":
                    item = new(PatternItemKind.Target, t, false);
                    break;
                case "%":
                    item = new(PatternItemKind.Compound, t, false);
                    break;
                case "^":
                    item = new(PatternItemKind.Skip, t, false);
                    break;
                default:
                    if (t[0] == '&')
                    {
                        item = new(PatternItemKind.Synset, t[1..].TrimEnd('_').ToUpperInvariant(), false);
                    }
                    else if (t.Contains('{') || t.Contains('|'))
                    {
                        return null; // disjunctive sets are a TABARI feature PETRARCH skips too
                    }
                    else
                    {
                        item = new(PatternItemKind.Word, t.ToUpperInvariant(), false);
                    }

                    break;
            }

            items.Add(item);
            _ = joined;
        }

        // Adjacency towards the anchor: on the right side element i touches element i-1 (or the anchor for i = 0);
        // on the left side (still in text order here) element i touches element i+1 (or the anchor for the last).
        var result = items.ToArray();
        for (int i = 0; i < result.Length; i++)
        {
            bool adjacent;
            if (endsAtAnchor)
            {
                adjacent = i == result.Length - 1 ? trailingJoin : tokens[i + 1].JoinedToPrevious;
            }
            else
            {
                adjacent = i == 0 ? leadingJoin : tokens[i].JoinedToPrevious;
            }

            result[i] = result[i] with { Adjacent = adjacent };
        }

        return result;
    }

    private static Dictionary<string, string[][]> ExpandSynsets(Dictionary<string, List<string>> raw, HashSet<string> pluralless)
    {
        var result = new Dictionary<string, string[][]>(StringComparer.Ordinal);
        foreach (var name in raw.Keys)
        {
            var phrases = new List<string[]>();
            Expand(name, phrases, new HashSet<string>(StringComparer.Ordinal));
            result[name] = phrases.Distinct(new WordsComparer()).OrderByDescending(p => p.Length).ToArray();
        }

        return result;

        void Expand(string name, List<string[]> into, HashSet<string> visiting)
        {
            if (!visiting.Add(name) || !raw.TryGetValue(name, out var entries))
            {
                return;
            }

            foreach (var entry in entries)
            {
                var text = entry.Trim();
                if (text.StartsWith('&'))
                {
                    Expand(text[1..].TrimEnd('_').ToUpperInvariant(), into, visiting);
                    continue;
                }

                bool noPlural = pluralless.Contains(name) || text.EndsWith('_');
                var words = DictionaryText.Words(text);
                if (words.Length == 0)
                {
                    continue;
                }

                into.Add(words);
                if (!noPlural)
                {
                    var plural = (string[])words.Clone();
                    plural[^1] = DictionaryText.Plural(plural[^1]);
                    into.Add(plural);
                }
            }

            visiting.Remove(name);
        }
    }

    private sealed class WordsComparer : IEqualityComparer<string[]>
    {
        public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && x.AsSpan().SequenceEqual(y);

        public int GetHashCode(string[] obj)
        {
            var h = new HashCode();
            foreach (var w in obj)
            {
                h.Add(w);
            }

            return h.ToHashCode();
        }
    }
}
