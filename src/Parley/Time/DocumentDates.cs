using System.Globalization;
using Parley.Documents;

namespace Parley.Time;

/// <summary>A temporal expression found in the text, before resolution.</summary>
internal readonly record struct FoundTimex(int Start, int End, TimexMeaning Meaning, Direction Tense, int Sentence, bool WholeSentence);

/// <summary>
/// Finds the date a document speaks from, in this order: the dateline ("GENEVA, 7 Mar"), completed with a year
/// from the publication date or, when there is none, inferred from the text; the publication date; a line that
/// holds nothing but a full date near the top ("Tuesday, December 10, 2013"). When the dateline's year is
/// inferred it is written back to <see cref="Dateline.Year"/> with <see cref="Dateline.YearInferred"/> set.
/// </summary>
internal static class DocumentDates
{
    /// <summary>How many sentences from the top may hold a date line.</summary>
    private const int DateLineReach = 4;

    public static AnchorDate Find(NewsDocument document, IReadOnlyList<FoundTimex> found)
    {
        var metadata = document.Metadata;
        DateOnly? published = ParseIsoDate(metadata.Published);
        if (metadata.Dateline is { Month: { } month and >= 1 and <= 12, Day: { } day and >= 1 and <= 31 } dateline)
        {
            if (dateline.Year is { } written && !dateline.YearInferred && TryDate(written, month, day) is { } full)
            {
                return AnchorDate.Full(full, yearInferred: false);
            }

            if (published is { } p)
            {
                int year = YearNear(p, month, day);
                if (TryDate(year, month, day) is { } fromPublished)
                {
                    dateline.Year = year;
                    dateline.YearInferred = true;
                    return AnchorDate.Full(fromPublished, yearInferred: false);
                }
            }

            int? inferred = InferYear(month, day, found);
            if (inferred is { } iy && TryDate(iy, month, day) is { } guessed)
            {
                dateline.Year = iy;
                dateline.YearInferred = true;
                return AnchorDate.Full(guessed, yearInferred: true);
            }

            return new AnchorDate(null, month, day, false);
        }

        if (published is { } pub)
        {
            return AnchorDate.Full(pub, yearInferred: false);
        }

        foreach (var f in found)
        {
            if (f.Sentence >= DateLineReach)
            {
                break;
            }

            if (f.WholeSentence && f.Meaning.IsFullDate && TryDate(f.Meaning.Year, f.Meaning.Month, f.Meaning.Day) is { } line)
            {
                return AnchorDate.Full(line, yearInferred: false);
            }
        }

        return AnchorDate.None;
    }

    /// <summary>The ISO date at the start of a publication date ("2009-03-07", "2009-03-07T10:15:00+03:00"), or null.</summary>
    internal static DateOnly? ParseIsoDate(string? value)
    {
        if (value is null || value.Length < 10)
        {
            return null;
        }

        return DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    private static DateOnly? TryDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    /// <summary>The year that puts a dateline's day and month on or just before the publication date.</summary>
    private static int YearNear(DateOnly published, int month, int day)
    {
        int y = published.Year;
        return TryDate(y, month, day) is { } d && d > published.AddDays(2) ? y - 1 : y;
    }

    /// <summary>
    /// Infers the year of a dateline written without one from the dates in the text. The strongest evidence is a
    /// date written both with its year and with "this year" ("5 December 2009" and "December 5 this year"); then
    /// every date written with a year votes for the years that place it within twelve months of the dateline and
    /// on the side its tense says; a bare year ("in 1991") votes weakly for itself. Null when nothing votes.
    /// </summary>
    internal static int? InferYear(int month, int day, IReadOnlyList<FoundTimex> found)
    {
        var scores = new Dictionary<int, double>();
        void Vote(int year, double weight)
        {
            if (year is >= 1000 and <= 2199)
            {
                scores[year] = scores.GetValueOrDefault(year) + weight;
            }
        }

        // Dates counted from the document's year ("December 5 this year"), by month.
        var counted = new List<TimexMeaning>();
        foreach (var f in found)
        {
            if (f.Meaning is { Kind: MeaningKind.Date, YearSource: YearSource.AnchorOffset, Month: > 0 } t && counted.Count < 64)
            {
                counted.Add(t);
            }
        }

        foreach (var f in found)
        {
            var m = f.Meaning;
            if (m.Kind != MeaningKind.Date || m.YearSource != YearSource.Written)
            {
                continue;
            }

            if (m.Month == 0)
            {
                Vote(m.Year, 0.25);
                continue;
            }

            // "this year" dates with the same month and day name the document's year.
            foreach (var t in counted)
            {
                if (t.Month == m.Month && (t.Day == m.Day || t.Day == 0 || m.Day == 0))
                {
                    Vote(m.Year - t.Year, 5);
                }
            }

            for (int candidate = m.Year - 1; candidate <= m.Year + 1; candidate++)
            {
                if (TryDate(candidate, month, Math.Min(day, DateTime.DaysInMonth(Math.Clamp(candidate, 1, 9999), month))) is not { } anchor)
                {
                    continue;
                }

                var mentioned = new DateOnly(m.Year, m.Month, m.Day > 0 ? Math.Min(m.Day, DateTime.DaysInMonth(m.Year, m.Month)) : 15);
                int distance = mentioned.DayNumber - anchor.DayNumber;
                bool sideOk = f.Tense switch
                {
                    Direction.Past => distance <= 1,
                    Direction.Future => distance >= -1,
                    _ => true,
                };
                if (sideOk && Math.Abs(distance) <= 366)
                {
                    // Nearer dates say more.
                    Vote(candidate, 1.0 - Math.Abs(distance) / 732.0);
                }
            }
        }

        if (scores.Count == 0)
        {
            return null;
        }

        var best = scores.OrderByDescending(kv => kv.Value).ThenByDescending(kv => kv.Key).First();
        return best.Value >= 0.5 ? best.Key : null;
    }
}
