using System.Globalization;
using System.Text;

namespace Parley.Storage;

/// <summary>
/// A parsed full-text query. Parley parses queries itself and hands the database only words made of
/// letters and digits, so that no user input can reach a full-text engine's own syntax: a malformed query
/// fails here with a clear message, never as a database error.
/// </summary>
/// <remarks>
/// Syntax: words are ANDed; <c>"several words"</c> is a phrase; <c>a OR b</c> matches either;
/// <c>-word</c> or <c>-"a phrase"</c> excludes; <c>word*</c> matches words starting with "word".
/// Punctuation inside a word splits it into a phrase ("U.S." = "u s"), as the index does.
/// </remarks>
public sealed class SearchQuery
{
    public const int MaxLength = 512;
    public const int MaxTerms = 24;
    private const int MinPrefixLength = 2;

    private SearchQuery(string text, List<List<SearchTerm>> required, List<SearchTerm> excluded)
    {
        Text = text;
        Required = required;
        Excluded = excluded;
    }

    /// <summary>The query as the user wrote it.</summary>
    public string Text { get; }

    /// <summary>Every group must match; a group matches when any of its terms does.</summary>
    public IReadOnlyList<IReadOnlyList<SearchTerm>> Required { get; }

    /// <summary>No term here may match.</summary>
    public IReadOnlyList<SearchTerm> Excluded { get; }

    /// <summary>Parses a query, or throws <see cref="ParleyException"/> with <see cref="ErrorCode.BadQuery"/> saying what is wrong.</summary>
    public static SearchQuery Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Bad("the query is empty; type one or more words");
        }

        if (text.Length > MaxLength)
        {
            throw Bad($"the query is {text.Length:N0} characters long; the limit is {MaxLength}");
        }

        foreach (char c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                throw Bad($"the query contains a control character (U+{(int)c:X4})");
            }
        }

        var items = Lex(text);
        var required = new List<List<SearchTerm>>();
        var excluded = new List<SearchTerm>();
        bool pendingOr = false;
        int terms = 0;
        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.IsOr)
            {
                if (required.Count == 0 || pendingOr || (i > 0 && items[i - 1].Negated))
                {
                    throw Bad("OR needs a word or phrase on each side (e.g. sanctions OR embargo)");
                }

                pendingOr = true;
                continue;
            }

            if (++terms > MaxTerms)
            {
                throw Bad($"the query has more than {MaxTerms} terms");
            }

            if (item.Negated)
            {
                if (pendingOr)
                {
                    throw Bad("an excluded term (-word) cannot be one side of OR");
                }

                excluded.Add(item.Term!);
            }
            else if (pendingOr)
            {
                required[^1].Add(item.Term!);
                pendingOr = false;
            }
            else
            {
                required.Add([item.Term!]);
            }
        }

        if (pendingOr)
        {
            throw Bad("OR needs a word or phrase on each side (e.g. sanctions OR embargo)");
        }

        if (required.Count == 0)
        {
            throw Bad(excluded.Count > 0
                ? "the query only excludes words; add at least one word to look for"
                : "the query has no words to look for (only punctuation)");
        }

        return new SearchQuery(text, required, excluded);
    }

    /// <summary>Parses a query that may be absent: null or blank gives null.</summary>
    public static SearchQuery? ParseOptional(string? text) => string.IsNullOrWhiteSpace(text) ? null : Parse(text);

    /// <summary>The query in SQLite FTS5 syntax: every word is a quoted string, so FTS5 operators in input mean nothing.</summary>
    public string ToFts5()
    {
        var sb = new StringBuilder();
        foreach (var group in Required)
        {
            if (sb.Length > 0)
            {
                sb.Append(" AND ");
            }

            sb.Append('(');
            for (int i = 0; i < group.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(" OR ");
                }

                AppendFts5(sb, group[i]);
            }

            sb.Append(')');
        }

        foreach (var term in Excluded)
        {
            sb.Append(" NOT ");
            AppendFts5(sb, term);
        }

        return sb.ToString();
    }

    public override string ToString() => Text;

    private static void AppendFts5(StringBuilder sb, SearchTerm term)
    {
        sb.Append('"').AppendJoin(' ', term.Words).Append('"');
        if (term.Prefix)
        {
            sb.Append('*');
        }
    }

    private static ParleyException Bad(string detail) => new(ErrorCode.BadQuery, detail);

    private sealed record Item(SearchTerm? Term, bool Negated, bool IsOr);

    private static List<Item> Lex(string text)
    {
        var items = new List<Item>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            bool negated = false;
            if (c == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
            {
                negated = true;
                i++;
                c = text[i];
            }

            if (c == '"')
            {
                int close = text.IndexOf('"', i + 1);
                if (close < 0)
                {
                    throw Bad($"a quotation mark at character {i + 1} is not closed; close the phrase with another \"");
                }

                var words = Words(text.AsSpan(i + 1, close - i - 1));
                i = close + 1;
                bool prefix = i < text.Length && text[i] == '*';
                if (prefix)
                {
                    i++;
                }

                if (words.Count == 0)
                {
                    throw Bad("a quoted phrase has no words in it");
                }

                items.Add(new Item(MakeTerm(words, prefix), negated, false));
                continue;
            }

            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"')
            {
                i++;
            }

            var raw = text.AsSpan(start, i - start);
            if (!negated && raw.SequenceEqual("OR"))
            {
                items.Add(new Item(null, false, true));
                continue;
            }

            bool isPrefix = raw.Length > 1 && raw[^1] == '*';
            var found = Words(isPrefix ? raw[..^1] : raw);
            if (found.Count == 0)
            {
                if (raw.Contains('*'))
                {
                    throw Bad($"'{raw}' has no letters or digits to look for");
                }

                continue;
            }

            items.Add(new Item(MakeTerm(found, isPrefix), negated, false));
        }

        return items;
    }

    private static SearchTerm MakeTerm(List<string> words, bool prefix)
    {
        if (prefix && words[^1].Length < MinPrefixLength)
        {
            throw Bad($"a prefix search needs at least {MinPrefixLength} letters before the * ('{words[^1]}*')");
        }

        return new SearchTerm(words, prefix);
    }

    /// <summary>Splits on everything that is not a letter, digit or combining mark, lower-casing as the index does.</summary>
    private static List<string> Words(ReadOnlySpan<char> text)
    {
        var words = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !IsWordChar(text[i]))
            {
                if (text[i] == '*')
                {
                    throw Bad("* is allowed only at the end of a word (prefix search, e.g. negotiat*)");
                }

                i++;
            }

            int start = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                words.Add(text[start..i].ToString().ToLowerInvariant());
            }
        }

        return words;
    }

    internal static bool IsWordChar(char c) => char.IsLetterOrDigit(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}

/// <summary>One word, or a phrase of several, optionally matching as a prefix (last word).</summary>
public sealed record SearchTerm(IReadOnlyList<string> Words, bool Prefix)
{
    public bool IsPhrase => Words.Count > 1;
}
