using Parley.Documents;
using Parley.Pipeline;

namespace Parley.Nlp;

/// <summary>
/// The baseline tokenizer and sentence splitter: rules for English news text. Sentences never cross a
/// title, heading or paragraph boundary. Tokens follow UD English conventions where rules can
/// (clitics "n't" and "'s" split, "U.S." kept whole, punctuation split off).
/// </summary>
public sealed class RuleSegmenter : IDocumentComponent
{
    public string Name => "rule-segmenter";

    public IReadOnlyList<string> Requires { get; } = [Layer.Text, Layer.Sections];

    public IReadOnlyList<string> Assigns { get; } = [Layer.Sentences, Layer.Tokens];

    public void Process(NewsDocument document)
    {
        document.Tokens.Clear();
        document.Sentences.Clear();
        foreach (var block in Blocks(document))
        {
            SegmentBlock(document, block);
        }
    }

    /// <summary>Title, headings and paragraphs in text order.</summary>
    internal static IEnumerable<TextSpan> Blocks(NewsDocument document)
    {
        var spans = new List<TextSpan>();
        if (document.TitleSpan is { } title)
        {
            spans.Add(title);
        }

        foreach (var section in document.Sections)
        {
            if (section.Heading is { } heading)
            {
                spans.Add(heading);
            }

            spans.AddRange(section.Paragraphs);
        }

        if (spans.Count == 0 && document.Text.Length > 0)
        {
            spans.Add(new TextSpan(0, document.Text.Length));
        }

        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        return spans;
    }

    private static void SegmentBlock(NewsDocument document, TextSpan block)
    {
        string text = document.Text;
        var tokens = document.Tokens;
        int sentenceFirstToken = tokens.Count;
        foreach (var span in RuleTokenizer.Tokenize(text, block))
        {
            tokens.Add(new TokenData(span.Start, span.Length));
        }

        int end = tokens.Count;
        int startToken = sentenceFirstToken;
        for (int i = sentenceFirstToken; i < end; i++)
        {
            if (i + 1 < end && !RuleSentenceRules.EndsSentence(text, tokens.Items, i, end))
            {
                continue;
            }

            // Closing quotes and brackets right after the full stop belong to the sentence.
            int last = i;
            while (last + 1 < end && RuleSentenceRules.IsCloser(text, tokens.Items[last + 1]))
            {
                last++;
            }

            AddSentence(document, startToken, last);
            startToken = last + 1;
            i = last;
        }

        if (startToken < end)
        {
            AddSentence(document, startToken, end - 1);
        }
    }

    private static void AddSentence(NewsDocument document, int first, int last)
    {
        var items = document.Tokens.Items;
        int index = document.Sentences.Count;
        for (int t = first; t <= last; t++)
        {
            items[t].Sentence = index;
        }

        int start = items[first].Start;
        int stop = items[last].Start + items[last].Length;
        document.Sentences.Add(new SentenceData(start, stop - start, first, last - first + 1));
    }
}

/// <summary>Where sentences end, given rule tokens.</summary>
internal static class RuleSentenceRules
{
    private static readonly HashSet<string> NeverFinal = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Gen.", "Lt.", "Col.", "Sgt.", "Capt.", "Maj.", "Adm.", "Sen.", "Rep.", "Gov.",
        "St.", "Rev.", "Hon.", "Pres.", "Amb.", "Messrs.", "No.", "Nos.", "vs.", "v.", "e.g.", "i.e.", "cf.", "approx.",
        "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "Mt.", "Ft.",
    };

    private static readonly HashSet<string> SentenceStarters = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those", "There", "In", "On",
        "At", "But", "And", "However", "According", "After", "Before", "When", "While", "If", "As", "His", "Her", "Its", "Their",
        "Our", "Some", "Many", "Most", "Officials", "Meanwhile", "Earlier", "Later", "Last", "Next", "Now", "Then", "So", "Also",
    };

    public static bool EndsSentence(string text, TokenData[] tokens, int i, int end)
    {
        var token = text.AsSpan(tokens[i].Start, tokens[i].Length);
        int next = i + 1;
        while (next < end && IsCloser(text, tokens[next]))
        {
            next++;
        }

        if (next >= end)
        {
            return true;
        }

        var following = text.AsSpan(tokens[next].Start, tokens[next].Length);
        bool nextStarts = char.IsUpper(following[0]) || char.IsDigit(following[0]) || IsOpener(following);
        if (!nextStarts)
        {
            return false;
        }

        if (token is "." or "!" or "?" or "..." or "…" or "?!" or "!?" || (token.Length > 1 && token.Trim('.').IsEmpty))
        {
            return true;
        }

        // An abbreviation with its full stop ends the sentence only before a typical sentence opener.
        if (token.Length > 1 && token[^1] == '.')
        {
            if (NeverFinal.Contains(token.ToString()))
            {
                return false;
            }

            return SentenceStarters.Contains(following.ToString());
        }

        return false;
    }

    public static bool IsCloser(string text, TokenData token)
    {
        if (token.Length != 1)
        {
            return false;
        }

        char c = text[token.Start];
        if (c is '”' or '»' or '’' or ')' or ']')
        {
            return true;
        }

        // A straight quote closes when it is glued to the previous token.
        return c is '"' or '\'' && token.Start > 0 && !char.IsWhiteSpace(text[token.Start - 1]);
    }

    private static bool IsOpener(ReadOnlySpan<char> token) =>
        token.Length == 1 && token[0] is '"' or '“' or '«' or '„' or '‘' or '(' or '[' or '\'' or '-' or '–' or '—';
}
