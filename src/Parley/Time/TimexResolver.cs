using System.Globalization;

namespace Parley.Time;

/// <summary>How finely a resolved date is known.</summary>
internal enum Granularity : byte
{
    None,
    Century,
    Decade,
    Year,
    Half,
    Quarter,
    Season,
    Month,
    Week,
    Day,
}

/// <summary>
/// The date a document speaks from: the day, and whether its year was inferred from the text. A document with
/// no date has <see cref="Known"/> false; one whose year could not be found has <see cref="Date"/> null but a
/// month and day.
/// </summary>
internal readonly record struct AnchorDate(DateOnly? Date, int Month, int Day, bool YearInferred)
{
    public static readonly AnchorDate None = new(null, 0, 0, false);

    public bool Known => Date is not null;

    public static AnchorDate Full(DateOnly date, bool yearInferred) => new(date, date.Month, date.Day, yearInferred);
}

/// <summary>A resolved value and what it rests on.</summary>
internal readonly record struct Resolution(string Value, string Type, bool UsesAnchorYear, DateOnly? Point, Granularity Granularity, string? Mod);

/// <summary>
/// Turns <see cref="TimexMeaning"/>s into TIMEX3 values, in document order. Deictic expressions ("yesterday",
/// "last week", "Friday") count from the document date; anaphoric ones ("the next day", "that year", "two days
/// later") from the last date mentioned, falling back to the document date. Without a document date, values that
/// need one stay underspecified ("XXXX-WXX-5", "XXXX-03-27"): the clock of the machine is never used.
/// </summary>
internal sealed class TimexResolver
{
    /// <summary>How far a date may lie on the "wrong" side of the anchor before the tense moves it by a year.</summary>
    private const int TenseSlackDays = 30;

    private readonly AnchorDate _anchor;

    /// <summary>Dates mentioned so far, in text order, with how finely each was given.</summary>
    private readonly List<(DateOnly Point, Granularity Granularity)> _mentions = [];

    public TimexResolver(AnchorDate anchor)
    {
        _anchor = anchor;
    }

    public Resolution Resolve(TimexMeaning m, Direction tense)
    {
        var r = ResolveCore(m, tense);
        if (r.Point is { } p && r.Type is "DATE" or "TIME" && r.Granularity >= Granularity.Year)
        {
            _mentions.Add((p, r.Granularity));
        }

        return r;
    }

    /// <summary>The last date mentioned at least as finely as <paramref name="needed"/> ("the same day" needs a day).</summary>
    private (DateOnly Point, Granularity Granularity)? Reference(Granularity needed = Granularity.Year)
    {
        for (int i = _mentions.Count - 1; i >= 0; i--)
        {
            if (_mentions[i].Granularity >= needed)
            {
                return _mentions[i];
            }
        }

        return null;
    }

    private Resolution ResolveCore(TimexMeaning m, Direction tense)
    {
        if (m.Narrow is not null && m.Inner is { } inner)
        {
            return Narrowed(ResolveCore(inner, tense), m.Narrow);
        }

        switch (m.Kind)
        {
            case MeaningKind.Literal:
                return new Resolution(m.Code!, m.Type, false, null, Granularity.None, m.Mod);
            case MeaningKind.Date:
                return ResolveDate(m, tense);
            case MeaningKind.Relative:
                return ResolveRelative(m, tense);
            case MeaningKind.Weekday:
                return ResolveWeekday(m, tense);
            case MeaningKind.Decade:
                return new Resolution((m.Year / 10).ToString(CultureInfo.InvariantCulture), "DATE", false, new DateOnly(m.Year, 1, 1), Granularity.Decade, m.Mod);
            case MeaningKind.Century:
                return new Resolution(m.Year.ToString("D2", CultureInfo.InvariantCulture), "DATE", false, new DateOnly(Math.Max(1, m.Year * 100), 1, 1), Granularity.Century, m.Mod);
            case MeaningKind.FiscalYear:
                return new Resolution("FY" + m.Year.ToString("D4", CultureInfo.InvariantCulture), "DATE", false, null, Granularity.None, m.Mod);
            case MeaningKind.Quarter:
            case MeaningKind.Half:
            case MeaningKind.Season:
                return ResolvePeriod(m, tense);
            case MeaningKind.Time:
                return ResolveTime(m, tense);
            default:
                return new Resolution("XXXX-XX-XX", "DATE", false, null, Granularity.None, m.Mod);
        }
    }

    // ---- Dates ----------------------------------------------------------------------------------

    /// <summary>The year of a meaning whose year is written or counted; false when it is unwritten (the caller chooses it).</summary>
    private bool TryCountedYear(TimexMeaning m, out int? year, out bool usesAnchor)
    {
        switch (m.YearSource)
        {
            case YearSource.Written:
                (year, usesAnchor) = (m.Year, false);
                return true;
            case YearSource.AnchorOffset:
                (year, usesAnchor) = (_anchor.Date?.Year + m.Year, true);
                return true;
            case YearSource.ReferenceOffset:
                var reference = Reference();
                year = (reference?.Point.Year ?? _anchor.Date?.Year) + m.Year;
                usesAnchor = reference is null;
                return true;
            default:
                (year, usesAnchor) = (null, true);
                return false;
        }
    }

    private Resolution ResolveDate(TimexMeaning m, Direction tense)
    {
        if (!TryCountedYear(m, out int? year, out bool usesAnchor))
        {
            year = ChooseYear(m, m.Direction != Direction.Unknown ? m.Direction : tense);
        }

        if (m.Month == 0)
        {
            return year is { } y
                ? new Resolution(Y(y), "DATE", usesAnchor, new DateOnly(Clamp(y), 1, 1), Granularity.Year, m.Mod)
                : new Resolution("XXXX", "DATE", usesAnchor, null, Granularity.None, m.Mod);
        }

        if (m.Day == 0 && m.Code is null)
        {
            return year is { } y
                ? new Resolution($"{Y(y)}-{m.Month:D2}", "DATE", usesAnchor, new DateOnly(Clamp(y), m.Month, 1), Granularity.Month, m.Mod)
                : new Resolution($"XXXX-{m.Month:D2}", "DATE", usesAnchor, null, Granularity.None, m.Mod);
        }

        if (m.Code is { } holiday && year is { } hy)
        {
            var h = Holiday(holiday, Clamp(hy));
            return new Resolution(D(h), "DATE", usesAnchor, h, Granularity.Day, m.Mod);
        }

        if (m.Code is not null)
        {
            return new Resolution("XXXX-XX-XX", "DATE", usesAnchor, null, Granularity.None, m.Mod);
        }

        if (year is { } yy && m.Day <= DateTime.DaysInMonth(Clamp(yy), m.Month))
        {
            return new Resolution($"{Y(yy)}-{m.Month:D2}-{m.Day:D2}", "DATE", usesAnchor, new DateOnly(Clamp(yy), m.Month, m.Day), Granularity.Day, m.Mod);
        }

        return new Resolution($"XXXX-{m.Month:D2}-{m.Day:D2}", "DATE", usesAnchor, null, Granularity.None, m.Mod);
    }

    /// <summary>
    /// The year of a month (and day) written without one: the anchor's year, or the year before or after when the
    /// tense puts the date on the other side of the anchor; with no tense, the nearest.
    /// </summary>
    private int? ChooseYear(TimexMeaning m, Direction direction)
    {
        if (_anchor.Date is not { } anchor)
        {
            return null;
        }

        int y = anchor.Year;
        if (m.Day == 0)
        {
            int am = anchor.Month;
            return direction switch
            {
                Direction.Same => y,
                Direction.Past when m.Direction == Direction.Past => m.Month < am ? y : y - 1,
                Direction.Future when m.Direction == Direction.Future => m.Month > am ? y : y + 1,
                Direction.Past => m.Month <= am ? y : y - 1,
                Direction.Future => m.Month >= am ? y : y + 1,
                _ => NearestYear(y, yy => MonthsBetween(anchor, new DateOnly(yy, m.Month, 1))),
            };
        }

        int day(int yy) => Math.Min(m.Day, DateTime.DaysInMonth(yy, m.Month));
        var here = new DateOnly(y, m.Month, day(y));
        // The tense moves a date to the year before or after only when it is clearly on the wrong side of
        // the anchor: tense cues are guesses, and reports run a little behind or ahead of their date.
        return direction switch
        {
            Direction.Past => here <= anchor.AddDays(TenseSlackDays) ? y : y - 1,
            Direction.Future => here >= anchor.AddDays(-TenseSlackDays) ? y : y + 1,
            _ => NearestYear(y, yy => Math.Abs(new DateOnly(yy, m.Month, day(yy)).DayNumber - anchor.DayNumber)),
        };
    }

    /// <summary>Movable holidays: US Thanksgiving (fourth Thursday of November), Easter (Gregorian computus) and days around it.</summary>
    private static DateOnly Holiday(string code, int year)
    {
        if (code == "THANKSGIVING")
        {
            var first = new DateOnly(year, 11, 1);
            int toThursday = ((int)DayOfWeek.Thursday - (int)first.DayOfWeek + 7) % 7;
            return first.AddDays(toThursday + 21);
        }

        // Anonymous Gregorian algorithm.
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = ((h + l - 7 * m + 114) % 31) + 1;
        var easter = new DateOnly(year, month, day);
        return code switch
        {
            "EASTER+1" => easter.AddDays(1),
            "EASTER-2" => easter.AddDays(-2),
            _ => easter,
        };
    }

    private static int NearestYear(int y, Func<int, int> distance)
    {
        int best = y;
        int bestDistance = distance(y);
        foreach (int candidate in new[] { y - 1, y + 1 })
        {
            int d = distance(candidate);
            if (d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }

        return best;
    }

    private static int MonthsBetween(DateOnly a, DateOnly b) => Math.Abs((b.Year - a.Year) * 12 + b.Month - a.Month);

    /// <summary>"the end of the year" → the year's last month; "the beginning of March" → March.</summary>
    private static Resolution Narrowed(Resolution inner, string boundary)
    {
        if (inner.Granularity == Granularity.Year && inner.Point is { } p)
        {
            int month = boundary switch
            {
                "START" => 1,
                "MID" => 6,
                _ => 12,
            };
            return new Resolution($"{Y(p.Year)}-{month:D2}", "DATE", inner.UsesAnchorYear, new DateOnly(p.Year, month, 1), Granularity.Month, boundary);
        }

        // Without a year the month is still known: "the end of the year" is XXXX-12.
        if (inner.Value == "XXXX")
        {
            return inner with { Value = boundary switch { "START" => "XXXX-01", "MID" => "XXXX-06", _ => "XXXX-12" }, Mod = boundary };
        }

        return inner with { Mod = boundary };
    }

    // ---- Relative and weekday -------------------------------------------------------------------

    private Resolution ResolveRelative(TimexMeaning m, Direction tense)
    {
        DateOnly? baseDate = _anchor.Date;
        bool usesAnchor = true;
        var referenceGranularity = Granularity.None;
        if (m.FromReference && Reference(m.Unit == TimeUnit.None ? Granularity.Year : GranularityOf(m.Unit)) is { } r)
        {
            baseDate = r.Point;
            referenceGranularity = r.Granularity;
            usesAnchor = false;
        }

        if (baseDate is not { } b)
        {
            return new Resolution(Underspecified(m.Unit), "DATE", true, null, Granularity.None, m.Mod);
        }

        b = b.AddYears(m.YearShift);

        // "that time": the last date mentioned, as finely as it was given.
        if (m.Unit == TimeUnit.None)
        {
            return usesAnchor
                ? new Resolution(D(b), "DATE", true, b, Granularity.Day, m.Mod)
                : Format(b, referenceGranularity, m.Mod);
        }

        string type = "DATE";
        switch (m.Unit)
        {
            case TimeUnit.Day:
                var d = b.AddDays(m.Offset);
                return new Resolution(D(d), type, usesAnchor, d, Granularity.Day, m.Mod);
            case TimeUnit.Week:
            case TimeUnit.Weekend:
            case TimeUnit.Fortnight:
                int weeks = m.Offset;

                // "over the weekend" in a weekday report of what happened: the weekend just gone.
                if (m.Unit == TimeUnit.Weekend && weeks == 0 && !m.FromReference && tense == Direction.Past && IsoDay(b) < 6)
                {
                    weeks = -1;
                }

                var w = b.AddDays(7 * weeks);
                return new Resolution(Week(w) + (m.Unit == TimeUnit.Weekend ? "-WE" : ""), type, usesAnchor, w, Granularity.Week, m.Mod);
            case TimeUnit.Month:
                var mo = b.AddMonths(m.Offset);
                return new Resolution($"{Y(mo.Year)}-{mo.Month:D2}", type, usesAnchor, new DateOnly(mo.Year, mo.Month, 1), Granularity.Month, m.Mod);
            case TimeUnit.Quarter:
                int q = (b.Month - 1) / 3 + m.Offset;
                int qy = b.Year + (int)Math.Floor(q / 4.0);
                int qi = ((q % 4) + 4) % 4 + 1;
                return new Resolution($"{Y(qy)}-Q{qi}", type, usesAnchor, new DateOnly(Clamp(qy), (qi - 1) * 3 + 1, 1), Granularity.Quarter, m.Mod);
            case TimeUnit.Year:
                int yv = b.Year + m.Offset;
                return new Resolution(Y(yv), type, usesAnchor, new DateOnly(Clamp(yv), 1, 1), Granularity.Year, m.Mod);
            case TimeUnit.Decade:
                int dec = b.Year / 10 + m.Offset;
                return new Resolution(dec.ToString(CultureInfo.InvariantCulture), type, usesAnchor, new DateOnly(Clamp(dec * 10), 1, 1), Granularity.Decade, m.Mod);
            case TimeUnit.Century:
                int cen = b.Year / 100 + m.Offset;
                return new Resolution(cen.ToString("D2", CultureInfo.InvariantCulture), type, usesAnchor, new DateOnly(Clamp(cen * 100), 1, 1), Granularity.Century, m.Mod);
            default:
                return new Resolution(Underspecified(m.Unit), type, usesAnchor, null, Granularity.None, m.Mod);
        }
    }

    private Resolution ResolveWeekday(TimexMeaning m, Direction tense)
    {
        if (_anchor.Date is not { } anchor)
        {
            return new Resolution("XXXX-WXX-" + m.Index.ToString(CultureInfo.InvariantCulture), "DATE", true, null, Granularity.None, m.Mod);
        }

        int today = IsoDay(anchor);
        int back = (today - m.Index + 7) % 7;    // days back to the latest such weekday, 0 = the anchor itself
        int ahead = (m.Index - today + 7) % 7;   // days ahead to the next one, 0 = the anchor itself
        int offset = m.Direction switch
        {
            Direction.Past => back == 0 ? -7 : -back,
            Direction.Future => ahead == 0 ? 7 : ahead,
            Direction.Same => m.Index - today,
            _ => tense switch
            {
                Direction.Past => -back,
                Direction.Future => ahead,
                Direction.Same => ahead <= back ? ahead : -back,

                // News reports what happened: without a tense, the latest such day.
                _ => -back,
            },
        };
        var date = anchor.AddDays(offset);
        return new Resolution(D(date), "DATE", true, date, Granularity.Day, m.Mod);
    }

    // ---- Quarters, halves, seasons --------------------------------------------------------------

    private Resolution ResolvePeriod(TimexMeaning m, Direction tense)
    {
        if (!TryCountedYear(m, out int? year, out bool usesAnchor))
        {
            year = _anchor.Date is { } a ? PeriodYear(m, a, m.Direction != Direction.Unknown ? m.Direction : tense) : null;
        }

        string suffix = m.Kind switch
        {
            MeaningKind.Quarter => "Q" + m.Index.ToString(CultureInfo.InvariantCulture),
            MeaningKind.Half => "H" + m.Index.ToString(CultureInfo.InvariantCulture),
            _ => m.Code!,
        };
        var granularity = m.Kind switch
        {
            MeaningKind.Quarter => Granularity.Quarter,
            MeaningKind.Half => Granularity.Half,
            _ => Granularity.Season,
        };
        return year is { } y
            ? new Resolution($"{Y(y)}-{suffix}", "DATE", usesAnchor, new DateOnly(Clamp(y), FirstMonth(m), 1), granularity, m.Mod)
            : new Resolution($"XXXX-{suffix}", "DATE", usesAnchor, null, Granularity.None, m.Mod);
    }

    /// <summary>
    /// The year of a quarter, half or season written without one: reports speak of the latest one that has
    /// begun ("third-quarter profit" in November is this year's, "fourth-quarter" in January last year's).
    /// </summary>
    private static int PeriodYear(TimexMeaning m, DateOnly anchor, Direction direction)
    {
        int first = FirstMonth(m);
        int last = first + (m.Kind == MeaningKind.Half ? 5 : 2);
        int y = anchor.Year;
        int month = anchor.Month;
        bool explicitly = m.Direction != Direction.Unknown;
        return direction switch
        {
            Direction.Same => y,
            Direction.Future when explicitly => first > month ? y : y + 1,
            Direction.Future => month <= last ? y : y + 1,
            Direction.Past when explicitly => last < month ? y : y - 1,
            _ => first <= month ? y : y - 1,
        };
    }

    private static int FirstMonth(TimexMeaning m) => m.Kind switch
    {
        MeaningKind.Quarter => (m.Index - 1) * 3 + 1,
        MeaningKind.Half => m.Index == 1 ? 1 : 7,
        _ => m.Code switch
        {
            "SP" => 3,
            "SU" => 6,
            "FA" => 9,
            _ => 12,
        },
    };

    // ---- Times ------------------------------------------------------------------------------------

    private Resolution ResolveTime(TimexMeaning m, Direction tense)
    {
        string date;
        bool usesAnchor;
        DateOnly? point = null;
        if (m.Inner is { } inner)
        {
            var r = ResolveCore(inner, tense);

            // A day known only partly keeps what is known: "Tuesday night" with no document date is XXXX-WXX-2TNI.
            date = r.Granularity == Granularity.Day || r.Value.StartsWith("XXXX-WXX-", StringComparison.Ordinal) || (r.Value.Length == 10 && r.Value.StartsWith("XXXX-", StringComparison.Ordinal))
                ? r.Value
                : "XXXX-XX-XX";
            usesAnchor = r.UsesAnchorYear;
            point = r.Point;
        }
        else if (Reference(Granularity.Day) is { } reference)
        {
            // A time alone belongs to the last day mentioned ("on June 1st ... at 16:15 UTC").
            date = D(reference.Point);
            usesAnchor = false;
            point = reference.Point;
        }
        else if (_anchor.Date is { } a)
        {
            date = D(a);
            usesAnchor = true;
            point = a;
        }
        else
        {
            date = "XXXX-XX-XX";
            usesAnchor = true;
        }

        string time = m.Code is { Length: 2 } part
            ? part
            : $"{m.Hour:D2}:{m.Minute:D2}{m.Zone}";
        return new Resolution($"{date}T{time}", "TIME", usesAnchor, point, point is null ? Granularity.None : Granularity.Day, m.Mod);
    }

    // ---- Formatting -------------------------------------------------------------------------------

    private static Resolution Format(DateOnly d, Granularity g, string? mod) => g switch
    {
        Granularity.Day => new Resolution(D(d), "DATE", false, d, g, mod),
        Granularity.Week => new Resolution(Week(d), "DATE", false, d, g, mod),
        Granularity.Month or Granularity.Season => new Resolution($"{Y(d.Year)}-{d.Month:D2}", "DATE", false, d, Granularity.Month, mod),
        Granularity.Quarter => new Resolution($"{Y(d.Year)}-Q{(d.Month - 1) / 3 + 1}", "DATE", false, d, g, mod),
        Granularity.Half => new Resolution($"{Y(d.Year)}-H{(d.Month - 1) / 6 + 1}", "DATE", false, d, g, mod),
        Granularity.Decade => new Resolution((d.Year / 10).ToString(CultureInfo.InvariantCulture), "DATE", false, d, g, mod),
        Granularity.Century => new Resolution((d.Year / 100).ToString("D2", CultureInfo.InvariantCulture), "DATE", false, d, g, mod),
        _ => new Resolution(Y(d.Year), "DATE", false, d, Granularity.Year, mod),
    };

    private static Granularity GranularityOf(TimeUnit unit) => unit switch
    {
        TimeUnit.Day => Granularity.Day,
        TimeUnit.Week or TimeUnit.Weekend or TimeUnit.Fortnight => Granularity.Week,
        TimeUnit.Month => Granularity.Month,
        TimeUnit.Quarter => Granularity.Quarter,
        TimeUnit.Year => Granularity.Year,
        TimeUnit.Decade => Granularity.Decade,
        TimeUnit.Century => Granularity.Century,
        _ => Granularity.Day,
    };

    private static string Underspecified(TimeUnit unit) => unit switch
    {
        TimeUnit.Day => "XXXX-XX-XX",
        TimeUnit.Week or TimeUnit.Fortnight => "XXXX-WXX",
        TimeUnit.Weekend => "XXXX-WXX-WE",
        TimeUnit.Month => "XXXX-XX",
        TimeUnit.Quarter => "XXXX-QX",
        TimeUnit.Decade => "XXX",
        TimeUnit.Century => "XX",
        _ => "XXXX",
    };

    private static int IsoDay(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;

    private static string Y(int year) => year is >= 0 and <= 9999 ? year.ToString("D4", CultureInfo.InvariantCulture) : "XXXX";

    private static int Clamp(int year) => Math.Clamp(year, 1, 9999);

    internal static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Week(DateOnly d)
    {
        var dt = d.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(dt):D4}-W{ISOWeek.GetWeekOfYear(dt):D2}";
    }
}
