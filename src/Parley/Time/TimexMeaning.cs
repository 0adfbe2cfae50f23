namespace Parley.Time;

/// <summary>What kind of calendar object an expression denotes before it is placed on the calendar.</summary>
internal enum MeaningKind : byte
{
    /// <summary>A calendar date, as precise as written: year, month, day ("5 December 2009", "March 27", "2009", "March").</summary>
    Date,

    /// <summary>A unit counted from the document date or the last date mentioned ("yesterday", "last week", "two years ago", "the next day").</summary>
    Relative,

    /// <summary>A day of the week ("Friday", "last Tuesday").</summary>
    Weekday,

    /// <summary>A decade ("the 1990s"): <see cref="TimexMeaning.Year"/> holds its first year.</summary>
    Decade,

    /// <summary>A century ("the 20th century"): <see cref="TimexMeaning.Year"/> holds its number minus one (19).</summary>
    Century,

    Quarter,
    Half,
    Season,

    /// <summary>A fiscal year ("fiscal 2009").</summary>
    FiscalYear,

    /// <summary>A value that needs no anchor: durations, sets and PAST_REF/PRESENT_REF/FUTURE_REF.</summary>
    Literal,

    /// <summary>A time of day, optionally on a date given by <see cref="TimexMeaning.Inner"/>.</summary>
    Time,
}

/// <summary>How the year of a date is given.</summary>
internal enum YearSource : byte
{
    /// <summary>Not written: taken from the anchor, using tense ("March 27", "Friday").</summary>
    Unwritten,

    /// <summary>Written out ("2009", "'09").</summary>
    Written,

    /// <summary>Counted from the anchor ("this year" = 0, "last year" = -1).</summary>
    AnchorOffset,

    /// <summary>Counted from the last date mentioned ("that year" = 0, "the previous year" = -1).</summary>
    ReferenceOffset,
}

/// <summary>Which direction to look for an unwritten date ("last Friday", "next March").</summary>
internal enum Direction : sbyte
{
    Past = -1,
    Unknown = 0,
    Future = 1,
    Same = 2,
}

/// <summary>
/// The meaning of one temporal expression as the recogniser read it: fields are used according to
/// <see cref="Kind"/>. <see cref="TimexResolver"/> turns it into a TIMEX3 value.
/// </summary>
internal sealed class TimexMeaning
{
    public MeaningKind Kind { get; init; }

    /// <summary>TIMEX3 type: DATE, TIME, DURATION or SET.</summary>
    public string Type { get; init; } = "DATE";

    public YearSource YearSource { get; init; }

    /// <summary>The written year, or the offset for <see cref="YearSource.AnchorOffset"/>/<see cref="YearSource.ReferenceOffset"/>.</summary>
    public int Year { get; init; }

    public int Month { get; init; }

    public int Day { get; init; }

    /// <summary>Weekday 1 (Monday) to 7, quarter 1-4, half 1-2.</summary>
    public int Index { get; init; }

    /// <summary>Season code (SP, SU, FA, WI), part of day (MO, AF, EV, NI) or literal value.</summary>
    public string? Code { get; init; }

    public TimeUnit Unit { get; init; }

    /// <summary>Units to count for <see cref="MeaningKind.Relative"/> (negative into the past).</summary>
    public int Offset { get; init; }

    /// <summary>True when <see cref="Offset"/> counts from the last date mentioned rather than the document date.</summary>
    public bool FromReference { get; init; }

    public Direction Direction { get; init; }

    /// <summary>Years to move a relative period by ("the same month a year ago" = -1).</summary>
    public int YearShift { get; init; }

    /// <summary>TIMEX3 mod: START, MID, END, APPROX, EARLY, LATE, MORE_THAN, LESS_THAN.</summary>
    public string? Mod { get; init; }

    /// <summary>For "the end of the year": resolve <see cref="Inner"/> and narrow it to its first/middle/last month.</summary>
    public string? Narrow { get; init; }

    public int Hour { get; init; } = -1;

    public int Minute { get; init; }

    /// <summary>"Z" for UTC/GMT times.</summary>
    public string? Zone { get; init; }

    /// <summary>The date part of a time ("Monday" in "12:00 UTC Monday"), or the period narrowed by <see cref="Narrow"/>.</summary>
    public TimexMeaning? Inner { get; init; }

    /// <summary>True when the expression wrote a full date (day, month and year): such dates can set the document date.</summary>
    public bool IsFullDate => Kind == MeaningKind.Date && YearSource == YearSource.Written && Month > 0 && Day > 0;
}
