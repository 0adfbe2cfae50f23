using System.Globalization;

namespace Parley.Intake.Text;

/// <summary>Writing systems, as far as Parley needs to tell them apart.</summary>
internal enum Script
{
    None,
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Cjk,
    Other,
}

internal static class Scripts
{
    public static Script Of(char c)
    {
        if (!char.IsLetter(c))
        {
            return Script.None;
        }

        return c switch
        {
            <= '\u024F' => Script.Latin,
            >= '\u1E00' and <= '\u1EFF' => Script.Latin,
            >= '\u0370' and <= '\u03FF' => Script.Greek,
            >= '\u0400' and <= '\u052F' => Script.Cyrillic,
            >= '\u0590' and <= '\u05FF' => Script.Hebrew,
            >= '\u0600' and <= '\u06FF' => Script.Arabic,
            >= '\u3040' and <= '\u9FFF' => Script.Cjk,
            >= '\uAC00' and <= '\uD7AF' => Script.Cjk,
            _ => Script.Other,
        };
    }

    /// <summary>The script most letters of the text are written in.</summary>
    public static Script Dominant(ReadOnlySpan<char> text)
    {
        Span<int> counts = stackalloc int[8];
        foreach (char c in text)
        {
            counts[(int)Of(c)]++;
        }

        counts[(int)Script.None] = 0;
        int best = 0;
        for (int i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }

        return (Script)best;
    }

    public static int WordCount(ReadOnlySpan<char> text)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            bool letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                words++;
            }

            inWord = letter || (inWord && c is '\'' or '’' or '-');
        }

        return words;
    }

    /// <summary>Title-cases an all-capitals name: "NEW YORK" -> "New York", "ST. PETERSBURG" -> "St. Petersburg".</summary>
    public static string TitleCase(string caps)
    {
        var chars = caps.ToLower(CultureInfo.InvariantCulture).ToCharArray();
        bool start = true;
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsLetter(chars[i]))
            {
                if (start)
                {
                    chars[i] = char.ToUpperInvariant(chars[i]);
                }

                start = false;
            }
            else
            {
                start = chars[i] is ' ' or '-' or '.' or '\'' or '’';
            }
        }

        return new string(chars);
    }
}
