using System.Globalization;

namespace Parley.Events.Dictionaries;

/// <summary>A code that applies between two dates (inclusive; null means open).</summary>
public readonly record struct DatedCode(string Code, int? From, int? To)
{
    public bool AppliesOn(int? date) => date is not { } d || ((From is null || d >= From) && (To is null || d <= To));
}

/// <summary>One actor phrase: its words and its codes, the first applicable dated code winning over the default.</summary>
public sealed class ActorEntry
{
    public required string[] Words { get; init; }

    public string? DefaultCode { get; init; }

    public required DatedCode[] Dated { get; init; }

    /// <summary>The code on <paramref name="date"/> (yyyymmdd), or null when the actor codes nothing then.</summary>
    public string? CodeOn(int? date)
    {
        foreach (var d in Dated)
        {
            if (d.AppliesOn(date) && date is not null)
            {
                return d.Code;
            }
        }

        return DefaultCode;
    }
}

/// <summary>An agent noun ("minister", "troops") and the sector code it adds to an actor.</summary>
public sealed class AgentEntry
{
    public required string[] Words { get; init; }

    public required string Code { get; init; }

    /// <summary>True for codes written "CODE~", which go before the actor's code ("NGO~" + ARN = NGOARN).</summary>
    public bool Prefix { get; init; }
}

/// <summary>
/// PETRARCH/TABARI actor, agent and discard files. Actors: a phrase, "+synonyms", and codes in [..] with optional
/// date restrictions (&lt;date, &gt;date, date-date). Agents: "PHRASE {plural} [~CODE]". Discards: phrases that stop a
/// sentence ("+" for the whole story) from being coded.
/// </summary>
public sealed class ActorDictionary
{
    private readonly PhraseTable<ActorEntry> _actors = new();
    private readonly PhraseTable<AgentEntry> _agents = new();
    private readonly List<(string[] Words, bool Story)> _discards = [];

    public int ActorCount => _actors.Count;

    public int AgentCount => _agents.Count;

    public PhraseTable<ActorEntry> Actors => _actors;

    public PhraseTable<AgentEntry> Agents => _agents;

    public IReadOnlyList<(string[] Words, bool Story)> Discards => _discards;

    public List<string> Sources { get; } = [];

    public void LoadActors(string path)
    {
        using var reader = Open(path);
        ReadActors(reader);
        Sources.Add(Path.GetFileName(path));
    }

    public void LoadAgents(string path)
    {
        using var reader = Open(path);
        ReadAgents(reader);
        Sources.Add(Path.GetFileName(path));
    }

    public void LoadDiscards(string path)
    {
        using var reader = Open(path);
        ReadDiscards(reader);
        Sources.Add(Path.GetFileName(path));
    }

    private static StreamReader Open(string path) => File.Exists(path)
        ? new StreamReader(path)
        : throw new ParleyException(ErrorCode.NotFound, $"dictionary '{path}' does not exist");

    public void ReadActors(TextReader reader)
    {
        var phrases = new List<string[]>();
        string? defaultCode = null;
        var dated = new List<DatedCode>();

        void Flush()
        {
            if (phrases.Count > 0)
            {
                var entry = new ActorEntry { Words = phrases[0], DefaultCode = defaultCode, Dated = [.. dated] };
                foreach (var p in phrases)
                {
                    _actors.Add(p, entry);
                }
            }

            phrases.Clear();
            dated.Clear();
            defaultCode = null;
        }

        foreach (var (_, raw) in DictionaryText.Lines(reader))
        {
            if (raw.Trim().Length == 0)
            {
                continue;
            }

            bool indented = raw[0] is ' ' or '\t';
            var line = raw.Trim();
            if (line[0] == '[')
            {
                // A date-restricted code line belongs to the current record.
                AddCodes(line, ref defaultCode, dated);
                continue;
            }

            if (line[0] == '+')
            {
                var syn = DictionaryText.Words(StripCodes(line[1..]));
                if (syn.Length > 0)
                {
                    phrases.Add(syn);
                }

                continue;
            }

            _ = indented;
            Flush();
            var words = DictionaryText.Words(StripCodes(line));
            if (words.Length == 0)
            {
                continue;
            }

            phrases.Add(words);
            AddCodes(line, ref defaultCode, dated);
        }

        Flush();
    }

    /// <summary>Reads the [codes] of a line: an undated one is the default, dated ones are kept in order.</summary>
    private static void AddCodes(string line, ref string? defaultCode, List<DatedCode> dated)
    {
        foreach (var code in Codes(line))
        {
            if (ParseDated(code) is not { } d)
            {
                continue;
            }

            if (d.From is null && d.To is null)
            {
                defaultCode = d.Code;
            }
            else
            {
                dated.Add(d);
            }
        }
    }

    public void ReadAgents(TextReader reader)
    {
        var substitutions = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (_, raw) in DictionaryText.Lines(reader))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] == '!' && line.Contains('='))
            {
                int eq = line.IndexOf('=');
                substitutions[line[..eq].Trim().ToUpperInvariant()] = line[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(s => s.ToUpperInvariant()).ToArray();
                continue;
            }

            var codes = Codes(line).ToList();
            if (codes.Count == 0)
            {
                continue;
            }

            var code = codes[0].Replace(" ", "", StringComparison.Ordinal);
            bool prefix = code.EndsWith('~');
            code = code.Trim('~');
            if (code.Length == 0)
            {
                continue;
            }

            var phraseText = StripCodes(line);
            string? plural = null;
            bool noPlural = false;
            int brace = phraseText.IndexOf('{');
            if (brace >= 0)
            {
                int close = phraseText.IndexOf('}', brace);
                plural = (close > brace ? phraseText[(brace + 1)..close] : phraseText[(brace + 1)..]).Trim();
                noPlural = plural.Length == 0;
                phraseText = phraseText[..brace];
            }

            foreach (var expanded in Substitute(phraseText.Trim().ToUpperInvariant(), substitutions))
            {
                var words = DictionaryText.Words(expanded);
                if (words.Length == 0)
                {
                    continue;
                }

                _agents.Add(words, new AgentEntry { Words = words, Code = code, Prefix = prefix });
                if (expanded.Contains('!') || noPlural)
                {
                    continue;
                }

                var pluralWords = plural is null
                    ? [.. words[..^1], DictionaryText.Plural(words[^1])]
                    : DictionaryText.Words(plural);
                if (pluralWords.Length > 0)
                {
                    _agents.Add(pluralWords, new AgentEntry { Words = pluralWords, Code = code, Prefix = prefix });
                }
            }
        }
    }

    public void ReadDiscards(TextReader reader)
    {
        foreach (var (_, raw) in DictionaryText.Lines(reader))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            bool story = line[0] == '+';
            var words = DictionaryText.Words(story ? line[1..] : line);
            if (words.Length > 0)
            {
                _discards.Add((words, story));
            }
        }
    }

    private static IEnumerable<string> Substitute(string phrase, Dictionary<string, string[]> substitutions)
    {
        int start = phrase.IndexOf('!');
        int end = start < 0 ? -1 : phrase.IndexOf('!', start + 1);
        if (end < 0)
        {
            yield return phrase;
            yield break;
        }

        var marker = phrase[start..(end + 1)];
        if (!substitutions.TryGetValue(marker, out var values))
        {
            yield return phrase.Remove(start, end - start + 1);
            yield break;
        }

        foreach (var v in values)
        {
            foreach (var s in Substitute(phrase[..start] + v + phrase[(end + 1)..], substitutions))
            {
                yield return s;
            }
        }
    }

    private static IEnumerable<string> Codes(string line)
    {
        int i = 0;
        while ((i = line.IndexOf('[', i)) >= 0)
        {
            int close = line.IndexOf(']', i);
            if (close < 0)
            {
                yield break;
            }

            yield return line[(i + 1)..close].Trim();
            i = close + 1;
        }
    }

    private static string StripCodes(string line)
    {
        int bracket = line.IndexOf('[');
        return bracket < 0 ? line : line[..bracket];
    }

    private static DatedCode? ParseDated(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return null;
        }

        var code = parts[0];
        if (parts.Length == 1)
        {
            return new DatedCode(code, null, null);
        }

        var restriction = string.Concat(parts[1..]);
        if (restriction.StartsWith('<') && ParseDate(restriction[1..]) is { } before)
        {
            return new DatedCode(code, null, before);
        }

        if (restriction.StartsWith('>') && ParseDate(restriction[1..]) is { } after)
        {
            return new DatedCode(code, after, null);
        }

        int dash = restriction.IndexOf('-');
        if (dash > 0 && ParseDate(restriction[..dash]) is { } from && ParseDate(restriction[(dash + 1)..]) is { } to)
        {
            return new DatedCode(code, from, to);
        }

        return new DatedCode(code, null, null);
    }

    /// <summary>yyyymmdd or yymmdd (two-digit years below 30 are 20xx, as in the dictionaries' own convention).</summary>
    internal static int? ParseDate(string text)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value))
        {
            return null;
        }

        return text.Length switch
        {
            8 => value,
            6 => (value / 10000 < 30 ? 20000000 : 19000000) + value,
            _ => null,
        };
    }
}

/// <summary>A table of word sequences (upper case) for longest-match lookup from a position.</summary>
public sealed class PhraseTable<T>
    where T : class
{
    private readonly Dictionary<string, List<(string[] Words, T Value)>> _byFirst = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    public void Add(string[] words, T value)
    {
        if (!_byFirst.TryGetValue(words[0], out var list))
        {
            _byFirst[words[0]] = list = [];
        }

        list.Add((words, value));
        list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        Count++;
    }

    /// <summary>The longest phrase starting at <paramref name="start"/> of <paramref name="words"/>, with its length in words.</summary>
    public (T? Value, int Length) LongestAt(IReadOnlyList<string> words, int start)
    {
        if (!_byFirst.TryGetValue(words[start], out var list))
        {
            return (null, 0);
        }

        foreach (var (phrase, value) in list)
        {
            if (start + phrase.Length > words.Count)
            {
                continue;
            }

            bool match = true;
            for (int k = 1; k < phrase.Length; k++)
            {
                if (!string.Equals(words[start + k], phrase[k], StringComparison.Ordinal))
                {
                    match = false;
                    break;
                }
            }

            if (match)
            {
                return (value, phrase.Length);
            }
        }

        return (null, 0);
    }
}
