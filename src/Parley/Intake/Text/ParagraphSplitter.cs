namespace Parley.Intake.Text;

/// <summary>
/// Splits plain text into paragraphs. Blank lines always separate paragraphs. Inside a block of
/// several lines, hard-wrapped prose (e-mail style, lines of similar width) is joined back into one
/// paragraph, while lines of a list or a form stay paragraphs of their own.
/// </summary>
internal static class ParagraphSplitter
{
    public static List<TrackedText> Split(TrackedText text)
    {
        var lines = new List<TrackedText>();
        var block = new List<TrackedText>();
        var result = new List<TrackedText>();
        string s = text.Text;
        int lineStart = 0;
        for (int i = 0; i <= s.Length; i++)
        {
            if (i < s.Length && s[i] != '\n')
            {
                continue;
            }

            var line = text.Slice(lineStart, i - lineStart).Trim();
            lineStart = i + 1;
            if (line.Length == 0)
            {
                Flush();
            }
            else
            {
                block.Add(line);
            }
        }

        Flush();
        return result;

        void Flush()
        {
            if (block.Count == 0)
            {
                return;
            }

            if (block.Count > 1 && IsHardWrapped(block))
            {
                result.Add(TrackedText.Join(" ", block));
            }
            else
            {
                result.AddRange(block);
            }

            block.Clear();
        }
    }

    /// <summary>
    /// Hard-wrapped prose: every line but the last is long and close to the widest line, and lines
    /// run on into each other (most do not end a sentence).
    /// </summary>
    internal static bool IsHardWrapped(List<TrackedText> lines)
    {
        int widest = lines.Max(l => l.Length);
        if (widest is < 40 or > 200)
        {
            return false;
        }

        int runOn = 0;
        for (int i = 0; i < lines.Count - 1; i++)
        {
            var line = lines[i];
            if (line.Length < widest * 0.6)
            {
                return false;
            }

            char last = line[line.Length - 1];
            if (!(last is '.' or '!' or '?' or ':' or '"' or '”' or '»'))
            {
                runOn++;
            }
        }

        return runOn * 2 >= lines.Count - 1;
    }
}
