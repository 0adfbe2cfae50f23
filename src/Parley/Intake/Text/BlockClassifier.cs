namespace Parley.Intake.Text;

/// <summary>Decides which stand-alone lines of plain text are the title and which are headings.</summary>
internal static class BlockClassifier
{
    /// <summary>A title: short, not a sentence of body text, followed by more text.</summary>
    public static bool IsTitle(string line, int paragraphsAfter)
    {
        if (paragraphsAfter == 0 || line.Length > 250)
        {
            return false;
        }

        int words = Scripts.WordCount(line);
        if (words is 0 or > 30)
        {
            return false;
        }

        return !EndsLikeSentence(line) || words <= 12;
    }

    /// <summary>
    /// A heading on a line of its own: a short phrase starting with a capital, without the ending of a
    /// sentence, between paragraphs, and followed by a longer paragraph.
    /// </summary>
    public static bool IsStandaloneHeading(string line, string? next)
    {
        if (next is null || line.Length > 150 || !(char.IsUpper(line[0]) || char.IsDigit(line[0])))
        {
            return false;
        }

        int words = Scripts.WordCount(line);
        if (words is < 1 or > 15 || EndsLikeSentence(line) || line[^1] is ',' or ';' or ':' or '-' or '–' or '—')
        {
            return false;
        }

        // "By John Smith" and similar bylines are not headings.
        if (line.StartsWith("By ", StringComparison.Ordinal) || line.StartsWith("From ", StringComparison.Ordinal))
        {
            return false;
        }

        return next.Length >= Math.Max(2 * line.Length, 60) && Scripts.WordCount(next) > words;
    }

    private static bool EndsLikeSentence(string line)
    {
        int i = line.Length - 1;
        while (i > 0 && line[i] is '"' or '”' or '»' or '’' or ')')
        {
            i--;
        }

        return line[i] is '.' or '!' or '?' or '…';
    }
}
