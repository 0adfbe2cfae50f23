using System.Text.RegularExpressions;
using Parley.Documents;

namespace Parley.Intake.Text;

/// <summary>
/// Undoes what a scraper does when it drops the tags between blocks: a heading glued to the sentence
/// after it ("...Hillary ClintonThe first bilateral meeting...") and paragraphs glued at a full stop
/// with no space ("...global issues.The first meeting..."). Both become block breaks, flagged.
/// </summary>
internal static partial class GlueRepair
{
    private const int MaxHeadingWords = 25;

    public static List<Block> Split(TrackedText paragraph, List<PendingFlag> flags, string wholeText)
    {
        string s = paragraph.Text;
        var blocks = new List<Block>();
        int segStart = 0;

        foreach (var (position, isHeading, splitAt) in FindCandidates(s))
        {
            if (position < segStart)
            {
                continue;
            }

            if (isHeading)
            {
                if (!IsGluedHeading(s, segStart, position, wholeText))
                {
                    continue;
                }

                var heading = paragraph.Slice(segStart, position - segStart).Trim();
                blocks.Add(new Block(BlockKind.Heading, heading));
                flags.Add(new PendingFlag(QualityFlagKinds.GluedHeading, paragraph.OriginAt(segStart), position - segStart,
                    s[segStart..position], "heading glued to the next sentence; made a section heading"));
                segStart = position;
            }
            else
            {
                var left = paragraph.Slice(segStart, splitAt - segStart).Trim();
                if (left.Length == 0)
                {
                    continue;
                }

                blocks.Add(new Block(BlockKind.Paragraph, left));
                int glueEnd = Math.Min(s.Length, splitAt + 1);
                flags.Add(new PendingFlag(QualityFlagKinds.GluedSentence, paragraph.OriginAt(position), glueEnd - position, s[position..glueEnd],
                    "no space after the full stop; restored the paragraph break a scraper dropped"));
                segStart = splitAt;
            }
        }

        var rest = paragraph.Slice(segStart).Trim();
        if (rest.Length > 0)
        {
            blocks.Add(new Block(BlockKind.Paragraph, rest));
        }

        return blocks;
    }

    /// <summary>Glue points in text order: (position, is a heading candidate, where to split).</summary>
    private static IEnumerable<(int Position, bool Heading, int SplitAt)> FindCandidates(string s)
    {
        var found = new List<(int, bool, int)>();
        foreach (Match m in GluedSentence().Matches(s))
        {
            if (IsAbbreviationBefore(s, m.Index) || InWebAddress(s, m.Index))
            {
                continue;
            }

            // ."X : the quote closes the sentence before when a quotation is open, else it opens the next.
            int splitAt = m.Index + m.Length;
            string marks = m.Groups["close"].Value;
            if (marks.Length > 0 && marks[^1] == '"' && !InsideQuote(s, m.Groups["close"].Index + marks.Length - 1))
            {
                splitAt--;
            }

            found.Add((m.Index, false, splitAt));
        }

        foreach (Match m in CamelGlue().Matches(s))
        {
            found.Add((m.Index, true, m.Index));
        }

        return found.OrderBy(f => f.Item1);
    }

    private static bool InWebAddress(string s, int index)
    {
        int start = s.LastIndexOfAny([' ', '\n'], index) + 1;
        int end = s.IndexOfAny([' ', '\n'], index);
        var chunk = s.AsSpan(start, (end < 0 ? s.Length : end) - start);
        return chunk.Contains("://", StringComparison.Ordinal) || chunk.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || chunk.Contains('@');
    }

    private static bool InsideQuote(string s, int index)
    {
        int count = 0;
        for (int i = 0; i < index; i++)
        {
            if (s[i] == '"')
            {
                count++;
            }
        }

        return count % 2 == 1;
    }

    /// <summary>
    /// A heading glued on: it starts a block (paragraph start or right after a glued full stop), is a
    /// short phrase with no full stop of its own, and the glued word is not a camel-case name.
    /// </summary>
    internal static bool IsGluedHeading(string s, int start, int position, string wholeText)
    {
        var heading = s.AsSpan(start, position - start).Trim();
        if (heading.Length == 0 || !(char.IsUpper(heading[0]) || char.IsDigit(heading[0])))
        {
            return false;
        }

        int words = Scripts.WordCount(heading);
        if (words is < 2 or > MaxHeadingWords || heading.Length > 200)
        {
            return false;
        }

        if (SentenceEnd().IsMatch(heading))
        {
            return false;
        }

        // The word across the glue point: "Clinton|The".
        int l = position;
        while (l > start && char.IsLetter(s[l - 1]))
        {
            l--;
        }

        int r = position;
        while (r < s.Length && char.IsLetter(s[r]))
        {
            r++;
        }

        string left = s[l..position];
        string glued = s[l..r];
        if (left.Length < 2 || CamelPrefixes.Contains(left) || FunctionWords.Contains(left) || CamelNames.Contains(glued))
        {
            return false;
        }

        // A camel-case word used more than once is a name (YouTube), not glue.
        int first = wholeText.IndexOf(glued, StringComparison.Ordinal);
        if (first >= 0 && wholeText.IndexOf(glued, first + glued.Length, StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        // What follows must read as a sentence: at least three words before its end.
        var endMatch = SentenceEnd().Match(s, position);
        var sentence = s.AsSpan(position, (endMatch.Success ? endMatch.Index : s.Length) - position);
        return Scripts.WordCount(sentence) >= 3;
    }

    private static bool IsAbbreviationBefore(string s, int terminator)
    {
        int i = terminator;
        while (i > 0 && s[i - 1] is '"' or '”' or '»' or '’')
        {
            i--;
        }

        int start = i;
        while (start > 0 && char.IsLetter(s[start - 1]))
        {
            start--;
        }

        return Abbreviations.Contains(s[start..i]);
    }

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mrs", "messrs", "gov", "sen", "rep", "gen", "col", "capt", "cpt", "lt", "sgt", "maj", "adm", "prof", "dr", "st", "jr", "sr",
        "inc", "ltd", "corp", "co", "vs", "etc", "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "mt", "ft", "rev", "hon", "pres", "dept", "univ", "approx", "est", "fig", "vol",
    };

    private static readonly HashSet<string> CamelPrefixes = new(StringComparer.Ordinal)
    {
        "Mc", "Mac", "Fitz", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Der", "Al", "El", "Ibn", "Abu", "Bin",
    };

    private static readonly HashSet<string> FunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "of", "and", "or", "to", "in", "on", "for", "with", "by", "at", "from", "as", "you", "your", "my",
        "his", "her", "its", "our", "their", "we", "they", "he", "she", "it", "is", "are", "was", "were", "be", "that", "this",
    };

    // Camel-case names whose halves could pass for glue.
    private static readonly HashSet<string> CamelNames = new(StringComparer.Ordinal)
    {
        "YouTube", "PlayStation", "LinkedIn", "JavaScript", "PowerPoint", "WhatsApp", "FedEx", "BlackBerry", "SpaceX",
        "OpenAI", "DeepMind", "GitHub", "PayPal", "WikiLeaks", "MasterCard", "SoftBank", "TikTok", "WeChat", "AstraZeneca",
        "BioNTech", "GlaxoSmithKline", "ExxonMobil", "HarperCollins", "SmithKline", "PricewaterhouseCoopers", "JetBlue",
        "AirAsia", "EasyJet", "FaceTime", "HuffPost", "BuzzFeed", "NewsWeek", "MoveOn", "AfD", "BaFin", "KyivPost",
    };

    // A full stop (or ! ? …) after a lower-case word, a number or a bracket, directly followed by a capital.
    [GeneratedRegex(@"(?<=(?:\p{Ll}{2}|\d|[)\]])[""”»’]?)(?<stop>[.!?…]|\.{3})(?<close>[""”»’)]*)(?=[""“«„]?\p{Lu})")]
    private static partial Regex GluedSentence();

    // A lower-case letter or digit directly followed by a capital and a lower-case letter (or a one-letter word).
    [GeneratedRegex(@"(?<=\p{Ll}|\d)\p{Lu}(?=\p{Ll}|[\s,])")]
    private static partial Regex CamelGlue();

    [GeneratedRegex(@"(?<!\b\p{Lu})(?<!\b\p{Lu}\.\p{Lu})[.!?…](?:\s|$)")]
    private static partial Regex SentenceEnd();
}
