using System.Globalization;
using System.Text.RegularExpressions;
using Parley.Documents;

namespace Parley.Intake.Text;

/// <summary>A dateline found in a paragraph: where it lies and what it says.</summary>
internal sealed record DatelineMatch(int Index, int Length, Dateline Dateline);

/// <summary>
/// Finds and parses the wire-service dateline that opens a report, in the forms agencies use:
/// "GENEVA, 7 Mar - RIA Novosti.", "MOSCOW, March 7 (Reuters) -", "KABUL, Afghanistan (AP) —",
/// "LONDON, March 7, 2009 (AFP) --", "BEIJING, March 7 (Xinhua) --", "PARIS —", "MOSCOW, 7 March. /ITAR-TASS/.".
/// The place must be written in capitals; it may follow a sentence that scraping glued onto it.
/// </summary>
internal static partial class DatelineParser
{
    public static DatelineMatch? Find(string paragraph, bool paragraphStartsBody)
    {
        foreach (Match m in DatelinePattern().Matches(paragraph))
        {
            bool atStart = m.Index == 0;
            if (!atStart && !AfterSentenceEnd(paragraph, m.Index))
            {
                continue;
            }

            bool hasDate = m.Groups["mon"].Success || m.Groups["mon2"].Success;
            string? source = FirstOf(m, "src1", "src2", "src3");
            if (!hasDate && source is null && !(atStart && paragraphStartsBody && m.Groups["dash"].Success))
            {
                continue;
            }

            int letters = m.Groups["place"].Value.Count(char.IsLetter);
            if (letters < 3)
            {
                continue;
            }

            // What follows must start a sentence.
            int after = m.Index + m.Length;
            if (after < paragraph.Length && !(char.IsUpper(paragraph[after]) || char.IsDigit(paragraph[after]) || paragraph[after] is '"' or '“' or '«' or '\''))
            {
                continue;
            }

            var dateline = new Dateline
            {
                Raw = m.Value.Trim(),
                Place = Scripts.TitleCase(m.Groups["place"].Value.Trim()),
                Source = source?.Trim(),
            };
            if (m.Groups["mon"].Success)
            {
                dateline.Month = Month(m.Groups["mon"].Value);
                dateline.Day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
                dateline.Year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
            }
            else if (m.Groups["mon2"].Success)
            {
                dateline.Month = Month(m.Groups["mon2"].Value);
                dateline.Day = int.Parse(m.Groups["day2"].Value, CultureInfo.InvariantCulture);
                dateline.Year = m.Groups["year2"].Success ? int.Parse(m.Groups["year2"].Value, CultureInfo.InvariantCulture) : null;
            }

            if (dateline.Day is < 1 or > 31)
            {
                continue;
            }

            return new DatelineMatch(m.Index, m.Length, dateline);
        }

        return null;
    }

    private static bool AfterSentenceEnd(string text, int index)
    {
        int i = index - 1;
        while (i >= 0 && text[i] == ' ')
        {
            i--;
        }

        while (i >= 0 && text[i] is '"' or '”' or '»' or ')' or '’')
        {
            i--;
        }

        return i >= 0 && text[i] is '.' or '!' or '?' or '…';
    }

    private static string? FirstOf(Match m, params string[] groups)
    {
        foreach (var g in groups)
        {
            if (m.Groups[g].Success && m.Groups[g].Value.Trim().Length > 0)
            {
                return m.Groups[g].Value;
            }
        }

        return null;
    }

    internal static int Month(string name) => name[..3].ToLowerInvariant() switch
    {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => throw new ArgumentException(name),
    };

    private const string Months = @"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

    [GeneratedRegex(
        @"(?<place>\p{Lu}[\p{Lu}'’.\-]+(?:[ \-]\p{Lu}[\p{Lu}'’.\-]*){0,3})" +
        @"(?:,\s*(?<region>\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?)(?=\s*[,(]))?" +
        @"(?:,\s*(?:(?<day>\d{1,2})\s+(?<mon>" + Months + @")\.?(?:,?\s+(?<year>\d{4}))?|(?<mon2>" + Months + @")\.?\s+(?<day2>\d{1,2})(?:,?\s+(?<year2>\d{4}))?))?" +
        @"\s*(?:\((?<src1>[^()\n]{2,40})\)\s*(?:[-–—]{1,2}|:)?" +
        @"|(?<dash>[-–—]{1,2})\s*(?:(?<src2>\p{Lu}[\w&'’\-]*(?:\s\p{Lu}[\w&'’\-]*){0,3})\s*[.:]|(?<src2>\p{Lu}[\w&'’\-]*(?:\s\p{Lu}[\w&'’\-]*){0,3})\s*[-–—]{1,2})?" +
        @"|\.\s*/(?<src3>[^/\n]{2,30})/\.?" +
        @"|\.(?=\s))\s*",
        RegexOptions.CultureInvariant)]
    private static partial Regex DatelinePattern();
}
