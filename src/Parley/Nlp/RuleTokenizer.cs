using Parley.Documents;

namespace Parley.Nlp;

/// <summary>
/// Rule tokenizer for English news text. It splits on white space, then peels punctuation off both
/// ends of each chunk, keeping abbreviations ("U.S.", "Dec."), numbers ("1,000.50"), URLs, e-mail
/// addresses and hyphenated words whole, and splits clitics as UD does ("do|n't", "Russia|'s").
/// Runs in time linear in the text, whatever it contains.
/// </summary>
public static class RuleTokenizer
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr.", "mrs.", "ms.", "dr.", "prof.", "gen.", "lt.", "col.", "sgt.", "capt.", "maj.", "adm.", "sen.", "rep.", "gov.",
        "st.", "rev.", "hon.", "pres.", "amb.", "messrs.", "jr.", "sr.", "inc.", "ltd.", "corp.", "co.", "no.", "nos.", "vs.",
        "v.", "etc.", "e.g.", "i.e.", "cf.", "approx.", "est.", "dept.", "univ.", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.",
        "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "mt.", "ft.", "a.m.", "p.m.", "u.s.", "u.k.", "u.n.", "e.u.", "d.c.",
    };

    private static readonly string[] Clitics = ["n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m"];

    /// <summary>Longest token kept whole; longer runs of letters are cut so a malformed input cannot make one huge token.</summary>
    public const int MaxTokenLength = 256;

    public static List<TextSpan> Tokenize(string text, TextSpan range)
    {
        var result = new List<TextSpan>();
        int i = range.Start, end = range.End;
        while (i < end)
        {
            while (i < end && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            int start = i;
            while (i < end && !char.IsWhiteSpace(text[i]) && i - start < MaxTokenLength)
            {
                i++;
            }

            if (i > start)
            {
                SplitChunk(text, start, i, result);
            }
        }

        return result;
    }

    private static void SplitChunk(string text, int start, int end, List<TextSpan> output)
    {
        var chunk = text.AsSpan(start, end - start);
        if (IsUrlOrEmail(chunk))
        {
            // Trailing sentence punctuation is not part of a URL.
            int e = end;
            while (e > start + 1 && text[e - 1] is '.' or ',' or ';' or ':' or ')' or '"' or '\'' or '!' or '?')
            {
                e--;
            }

            output.Add(TextSpan.FromBounds(start, e));
            for (int k = e; k < end; k++)
            {
                output.Add(new TextSpan(k, 1));
            }

            return;
        }

        // Leading punctuation: quotes, brackets, dashes.
        while (start < end && IsLeadingPunct(text[start]) && !(text[start] is '-' or '.' && end - start > 1 && char.IsDigit(text[start + 1])))
        {
            int run = RunOf(text, start, end);
            output.Add(new TextSpan(start, run));
            start += run;
        }

        var trailing = new Stack<TextSpan>();
        while (end > start)
        {
            char c = text[end - 1];
            if (c == '.')
            {
                var word = text.AsSpan(start, end - start);
                if (IsAbbreviation(word))
                {
                    break;
                }

                int dots = 0;
                while (end - dots > start && text[end - 1 - dots] == '.')
                {
                    dots++;
                }

                trailing.Push(new TextSpan(end - dots, dots));
                end -= dots;
                continue;
            }

            if (IsTrailingPunct(c))
            {
                int run = 1;
                while (end - run > start && text[end - 1 - run] == c && c is '!' or '?' or '-')
                {
                    run++;
                }

                trailing.Push(new TextSpan(end - run, run));
                end -= run;
                continue;
            }

            break;
        }

        if (end > start)
        {
            SplitWord(text, start, end, output);
        }

        while (trailing.Count > 0)
        {
            output.Add(trailing.Pop());
        }
    }

    /// <summary>Splits clitics and inner dashes or slashes used as punctuation.</summary>
    private static void SplitWord(string text, int start, int end, List<TextSpan> output)
    {
        var word = text.AsSpan(start, end - start);

        // "word--word", "word—word": a dash between words is punctuation.
        int dash = word.IndexOfAny('—', '–');
        if (dash < 0)
        {
            dash = word.IndexOf("--", StringComparison.Ordinal);
        }

        if (dash > 0 && dash < word.Length - 1)
        {
            int len = word[dash] == '-' ? 2 : 1;
            SplitWord(text, start, start + dash, output);
            output.Add(new TextSpan(start + dash, len));
            SplitChunk(text, start + dash + len, end, output);
            return;
        }

        foreach (var clitic in Clitics)
        {
            if (word.Length > clitic.Length && word.EndsWith(clitic, StringComparison.OrdinalIgnoreCase))
            {
                int cut = end - clitic.Length;
                if (cut > start)
                {
                    output.Add(TextSpan.FromBounds(start, cut));
                    output.Add(TextSpan.FromBounds(cut, end));
                    return;
                }
            }
        }

        // A possessive apostrophe after a plural ("countries'").
        if (word.Length > 2 && word[^1] is '\'' or '’' && char.IsLetter(word[^2]) && (word[^2] is 's' or 'S'))
        {
            output.Add(TextSpan.FromBounds(start, end - 1));
            output.Add(new TextSpan(end - 1, 1));
            return;
        }

        output.Add(TextSpan.FromBounds(start, end));
    }

    private static bool IsAbbreviation(ReadOnlySpan<char> word)
    {
        if (word.Length < 2)
        {
            return false;
        }

        if (Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return true;
        }

        // Initials and dotted acronyms: "J.", "U.S.", "U.S.A."
        if (word.Length == 2 && char.IsUpper(word[0]))
        {
            return true;
        }

        for (int i = 0; i < word.Length; i += 2)
        {
            if (!char.IsLetter(word[i]) || i + 1 >= word.Length || word[i + 1] != '.')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsUrlOrEmail(ReadOnlySpan<char> chunk)
    {
        if (chunk.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || chunk.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ||
            chunk.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        int at = chunk.IndexOf('@');
        return at > 0 && chunk[(at + 1)..].Contains('.') && char.IsLetterOrDigit(chunk[0]);
    }

    private static int RunOf(string text, int start, int end)
    {
        int run = 1;
        while (start + run < end && text[start + run] == text[start] && text[start] is '-' or '.')
        {
            run++;
        }

        return run;
    }

    private static bool IsLeadingPunct(char c) =>
        c is '"' or '\'' or '“' or '‘' or '«' or '„' or '‚' or '(' or '[' or '{' or '<' or '-' or '–' or '—' or '*' or '¿' or '¡' or '/' or '…' or '.' or ',' or ';' or ':';

    private static bool IsTrailingPunct(char c) =>
        c is '"' or '\'' or '”' or '’' or '»' or ')' or ']' or '}' or '>' or ',' or ';' or ':' or '!' or '?' or '…' or '-' or '–' or '—' or '*' or '/';
}
