using System.Text;

namespace Parley.Entities.Gazetteer;

/// <summary>
/// Character folding and case rules shared by the gazetteer's index and its matcher. Folding lowers case,
/// drops Latin diacritics and unifies apostrophes and dashes, so "Côte d’Ivoire" finds "Cote d'Ivoire".
/// </summary>
internal static class SurfaceText
{
    private const int TableSize = 0x250;
    private static readonly char[] FoldTable = BuildTable();

    public static char Fold(char c)
    {
        if (c < TableSize)
        {
            return FoldTable[c];
        }

        return c switch
        {
            '\u2018' or '\u2019' or '\u02BC' or '\u02BB' or '`' => '\'',
            '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
            _ => char.ToLowerInvariant(c),
        };
    }

    /// <summary>Whitespace that may separate the words of a name; a line break never does, so names stay inside one block.</summary>
    public static bool IsSpace(char c) => c is ' ' or '\t' or '\u00A0' or '\u2009' or '\u202F';

    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    /// <summary>The folded form of a whole surface, with runs of spaces collapsed to one.</summary>
    public static string FoldAll(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (char c in s)
        {
            if (IsSpace(c) || c == '\n')
            {
                space = true;
                continue;
            }

            if (space && sb.Length > 0)
            {
                sb.Append(' ');
            }

            space = false;
            sb.Append(Fold(c));
        }

        return sb.ToString();
    }

    /// <summary>
    /// Whether the text's letter case is an acceptable way to write <paramref name="surface"/>. The two are
    /// known to be equal after folding. Acronyms and names with inner capitals ("US", "NATO", "AfDB") must be
    /// written exactly; other words may be written in capitals ("GEORGIA"), and a word may lose its capital
    /// ("the middle East", "White house") only when another capitalised word of the name kept its own.
    /// Function words written in lower case ("of", "the", "and") match in any case.
    /// </summary>
    public static MatchCase CheckCase(string surface, ReadOnlySpan<char> text)
    {
        int si = 0, ti = 0;
        bool anyAllCaps = false, anyLowered = false, anyExactCapital = false;
        while (si < surface.Length)
        {
            // One word of the surface: up to a space or hyphen.
            int sEnd = si;
            while (sEnd < surface.Length && !IsSpace(surface[sEnd]) && surface[sEnd] != '-')
            {
                sEnd++;
            }

            int tEnd = ti;
            while (tEnd < text.Length && !IsSpace(text[tEnd]) && text[tEnd] != '\n' && text[tEnd] != '-' && !IsDash(text[tEnd]))
            {
                tEnd++;
            }

            var sw = surface.AsSpan(si, sEnd - si);
            var tw = text[ti..tEnd];
            switch (CompareWord(sw, tw))
            {
                case WordCase.Exact:
                    anyExactCapital |= HasUpper(sw);
                    break;
                case WordCase.AllCaps:
                    anyAllCaps = true;
                    break;
                case WordCase.Lowered:
                    anyLowered = true;
                    break;
                case WordCase.Any:
                    break;
                default:
                    return MatchCase.None;
            }

            // Skip the separators on both sides.
            si = sEnd;
            while (si < surface.Length && (IsSpace(surface[si]) || surface[si] == '-'))
            {
                si++;
            }

            ti = tEnd;
            while (ti < text.Length && (IsSpace(text[ti]) || text[ti] == '\n' || text[ti] == '-' || IsDash(text[ti])))
            {
                ti++;
            }
        }

        if (anyLowered && !anyExactCapital)
        {
            return MatchCase.None;
        }

        return anyLowered ? MatchCase.Relaxed : anyAllCaps ? MatchCase.AllCaps : MatchCase.Exact;
    }

    private enum WordCase
    {
        Mismatch,
        Exact,
        AllCaps,
        Lowered,
        Any,
    }

    private static WordCase CompareWord(ReadOnlySpan<char> surface, ReadOnlySpan<char> text)
    {
        if (surface.Length == 0 || text.Length == 0)
        {
            return WordCase.Any;
        }

        bool exact = surface.Length == text.Length;
        for (int i = 0; exact && i < surface.Length; i++)
        {
            exact = char.IsUpper(surface[i]) == char.IsUpper(text[i]);
        }

        if (exact)
        {
            return WordCase.Exact;
        }

        bool surfaceLowerInitial = char.IsLower(surface[0]);
        if (surfaceLowerInitial)
        {
            return WordCase.Any;
        }

        if (IsAcronymLike(surface))
        {
            return WordCase.Mismatch;
        }

        if (IsAllCaps(text))
        {
            return WordCase.AllCaps;
        }

        return WordCase.Lowered;
    }

    /// <summary>"US", "U.S.", "NATO", "G7", "AfDB", "BiH", "McDonald": a capital after the first letter.</summary>
    public static bool IsAcronymLike(ReadOnlySpan<char> word)
    {
        for (int i = 1; i < word.Length; i++)
        {
            if (char.IsUpper(word[i]))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsAllCaps(ReadOnlySpan<char> word)
    {
        int letters = 0;
        foreach (char c in word)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }

                letters++;
            }
        }

        return letters >= 2;
    }

    private static bool HasUpper(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
        {
            if (char.IsUpper(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDash(char c) => c is '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014';

    private static char[] BuildTable()
    {
        var table = new char[TableSize];
        for (int i = 0; i < TableSize; i++)
        {
            char c = (char)i;
            char lower = char.ToLowerInvariant(c);
            if (i >= 0xC0)
            {
                string decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
                if (decomposed.Length > 0 && decomposed[0] < 0x80)
                {
                    lower = decomposed[0];
                }
            }

            table[i] = lower switch
            {
                '\u00B4' or '`' => '\'',
                '\u00DF' => '\u00DF',
                '\u00F8' => 'o',
                '\u0142' => 'l',
                '\u0131' => 'i',
                _ => lower,
            };
        }

        return table;
    }
}

/// <summary>How the letter case of a match relates to the name it matched.</summary>
public enum MatchCase : byte
{
    /// <summary>The case is not an acceptable way to write the name ("georgia", "us").</summary>
    None,

    /// <summary>Written as in the gazetteer (function words aside).</summary>
    Exact,

    /// <summary>Written in capitals, as in headlines and datelines ("GENEVA").</summary>
    AllCaps,

    /// <summary>Some word lost its capital while another kept it ("the middle East"); less reliable.</summary>
    Relaxed,
}
