using System.Globalization;

namespace Parley.Time;

/// <summary>A temporal expression found in a sentence: atoms [First, End) and what they mean.</summary>
internal readonly record struct TimexHit(int First, int End, TimexMeaning Meaning);

/// <summary>
/// Finds temporal expressions in one sentence's atoms with hand-written rules for English news: explicit dates
/// ("5 December 2009", "March 27", "2009-03-06"), years and decades, weekdays, deictic and relative expressions
/// ("yesterday", "last week", "two years ago", "the end of the year"), quarters, halves, seasons, fiscal years,
/// times of day, durations ("two hours", "eight-year") and sets ("weekly", "every Monday"). At each position
/// every rule is tried and the longest expression wins; scanning then resumes after it.
/// <para>
/// Rules that must not fire: numbers inside URLs and codes (atoms of kind <see cref="AtomKind.Opaque"/>),
/// digit runs that are not 4 digits long ("2882015"), counts of things ("2000 troops"), money and percentages,
/// "may" and "march" as verbs, and "USA Today".
/// </para>
/// </summary>
internal sealed class TimexRecognizer
{
    private readonly string _text;
    private readonly List<Atom> _atoms;

    private TimexRecognizer(string text, List<Atom> atoms)
    {
        _text = text;
        _atoms = atoms;
    }

    /// <summary>Adds the expressions of one sentence to <paramref name="output"/>.</summary>
    public static void Recognize(string text, List<Atom> atoms, List<TimexHit> output)
    {
        var r = new TimexRecognizer(text, atoms);
        int i = 0;
        while (i < atoms.Count)
        {
            var hit = r.Longest(i);
            if (hit is { } h)
            {
                output.Add(h);
                i = h.End;
            }
            else
            {
                i++;
            }
        }
    }

    private TimexHit? Longest(int i)
    {
        if (_atoms[i].Kind is AtomKind.Punct or AtomKind.Opaque && !Is(i, "'") && !Is(i, "’"))
        {
            return null;
        }

        TimexHit? best = null;
        void Consider(TimexHit? candidate)
        {
            if (candidate is { } c && c.End > i && (best is null || c.End > best.Value.End))
            {
                best = c;
            }
        }

        Consider(NumericDate(i));
        Consider(ExplicitDate(i));
        Consider(MonthYear(i));
        Consider(Time(i));
        Consider(PartOfDay(i));
        Consider(Relative(i));
        Consider(Boundary(i));
        Consider(QuarterOrHalf(i));
        Consider(SeasonRule(i));
        Consider(Fiscal(i));
        Consider(DecadeOrCentury(i));
        Consider(Duration(i));
        Consider(SetRule(i));
        Consider(Reference(i));
        Consider(WeekdayRule(i));
        Consider(MonthAlone(i));
        Consider(YearAlone(i));
        Consider(Holiday(i));
        Consider(Weekend(i));
        if (best is { } b)
        {
            best = Combine(b);
        }

        return best;
    }

    // ---- Atom access --------------------------------------------------------------------------

    private int Count => _atoms.Count;

    private bool In(int i) => i >= 0 && i < _atoms.Count;

    private ReadOnlySpan<char> Span(int i) => _text.AsSpan(_atoms[i].Start, _atoms[i].End - _atoms[i].Start);

    private bool Is(int i, string word) => In(i) && Span(i).Equals(word, StringComparison.OrdinalIgnoreCase);

    private bool IsAny(int i, params ReadOnlySpan<string> words)
    {
        if (!In(i))
        {
            return false;
        }

        var s = Span(i);
        foreach (var w in words)
        {
            if (s.Equals(w, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private WordClass Class(int i) => In(i) ? _atoms[i].Class : WordClass.None;

    private bool IsNumber(int i) => In(i) && _atoms[i].Kind == AtomKind.Number;

    private bool Glued(int i) => In(i) && _atoms[i].Glued;

    private bool Capitalised(int i) => In(i) && char.IsUpper(_text[_atoms[i].Start]);

    /// <summary>The digits of a number atom without suffix ("5th" → 5), or -1.</summary>
    private long Digits(int i) => IsNumber(i) ? _atoms[i].Number : -1;

    private bool HasSuffix(int i, string suffix) =>
        IsNumber(i) && Span(i)[_atoms[i].Digits..].Equals(suffix, StringComparison.OrdinalIgnoreCase);

    private bool PlainNumber(int i) => IsNumber(i) && Span(i).Length == _atoms[i].Digits;

    /// <summary>A day of the month: "5", "05", "5th".</summary>
    private bool DayNumber(int i, out int day)
    {
        day = (int)Digits(i);
        bool okSuffix = PlainNumber(i) || HasSuffix(i, "st") || HasSuffix(i, "nd") || HasSuffix(i, "rd") || HasSuffix(i, "th");
        return okSuffix && _atoms[i].Digits <= 2 && day is >= 1 and <= 31;
    }

    /// <summary>A written year: four digits, 1000-2199.</summary>
    private bool YearNumber(int i, out int year)
    {
        year = (int)Digits(i);
        return PlainNumber(i) && _atoms[i].Digits == 4 && year is >= 1000 and <= 2199;
    }

    private int MonthAt(int i, bool allowAbbreviation = true)
    {
        var w = _atoms[i].Word;
        if (w.Class == WordClass.Month || (allowAbbreviation && w.Class == WordClass.MonthAbbreviation))
        {
            // Month names are proper nouns: "may" and "march" in lower case are verbs.
            if (!Capitalised(i))
            {
                return 0;
            }

            return w.Value;
        }

        return 0;
    }

    /// <summary>Skips one comma or full stop after a name ("Dec.", "December 5,").</summary>
    private int SkipComma(int i) => Is(i, ",") ? i + 1 : i;

    private static TimexMeaning Date(int year, int month, int day, YearSource source = YearSource.Written, Direction direction = Direction.Unknown, string? mod = null) =>
        new() { Kind = MeaningKind.Date, YearSource = source, Year = year, Month = month, Day = day, Direction = direction, Mod = mod };

    private static TimexMeaning Literal(string value, string type = "DATE", string? mod = null) =>
        new() { Kind = MeaningKind.Literal, Code = value, Type = type, Mod = mod };

    // ---- Explicit dates -----------------------------------------------------------------------

    /// <summary>"2009-03-06", "2009/03/06", "06.03.2009", "7/8/07", "3/6/2009".</summary>
    private TimexHit? NumericDate(int i)
    {
        if (!PlainNumber(i) || !In(i + 4) || !Glued(i + 1) || !Glued(i + 2) || !Glued(i + 3) || !Glued(i + 4)
            || !PlainNumber(i + 2) || !PlainNumber(i + 4))
        {
            return null;
        }

        var sep = Span(i + 1);
        if (!sep.SequenceEqual(Span(i + 3)) || !(sep is "-" or "/" or "."))
        {
            return null;
        }

        // Something glued after ("2009-03-06-12", "1/2/3/4") is not a date.
        if (In(i + 5) && Glued(i + 5) && (IsNumber(i + 5) || Span(i + 5) is "-" or "/"))
        {
            return null;
        }

        int a = (int)Digits(i), b = (int)Digits(i + 2), c = (int)Digits(i + 4);
        int da = _atoms[i].Digits, dc = _atoms[i + 4].Digits;
        int year, month, day;
        if (da == 4)
        {
            (year, month, day) = (a, b, c);
        }
        else if (dc is 4 or 2 && da <= 2 && _atoms[i + 2].Digits <= 2)
        {
            year = dc == 4 ? c : TwoDigitYear(c);

            // Day first when the first number cannot be a month or when written with dots (European);
            // otherwise month first, as English-language news writes it.
            if (a > 12 || sep is ".")
            {
                (day, month) = (a, b);
            }
            else
            {
                (month, day) = (a, b);
            }
        }
        else
        {
            return null;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month) || year is < 1000 or > 2199)
        {
            return null;
        }

        return new TimexHit(i, i + 5, Date(year, month, day));
    }

    private static int TwoDigitYear(int yy) => yy < 50 ? 2000 + yy : 1900 + yy;

    /// <summary>
    /// "[Tuesday,] 5 December 2009", "5th of December", "[Tuesday,] December 5[, 2009]", "Dec. 5", "December 5 this year".
    /// </summary>
    private TimexHit? ExplicitDate(int i)
    {
        int start = i;
        int weekday = 0;
        if (Class(i) == WordClass.Weekday && Capitalised(i))
        {
            weekday = _atoms[i].Word.Value;
            i = SkipComma(i + 1);
            if (Is(i, "the") && In(i + 1) && DayNumber(i + 1, out _))
            {
                i++;
            }
        }

        if (!In(i))
        {
            return null;
        }

        int day, month, next;
        if (DayNumber(i, out day) && In(i + 1))
        {
            // Day first: "5 December", "5th of December".
            int m = Is(i + 1, "of") ? i + 2 : i + 1;
            if (!In(m) || (month = MonthAt(m)) == 0)
            {
                return null;
            }

            next = m + 1;
        }
        else if (In(i) && (month = MonthAt(i)) > 0 && In(i + 1))
        {
            int d = Is(i + 1, "the") ? i + 2 : i + 1;
            if (!In(d) || !DayNumber(d, out day) || (In(d + 1) && Glued(d + 1) && Is(d + 1, ":")))
            {
                return null;
            }

            // "March 5 people" is a count, "May 10 percent" a share.
            if (In(d + 1) && (Class(d + 1) == WordClass.Unit || IsAny(d + 1, "percent", "%", "per", "million", "billion")))
            {
                return null;
            }

            next = d + 1;
        }
        else
        {
            return null;
        }

        // An optional year: ", 2009", "2009", "'09", "this year", "last year", "next year".
        int afterComma = SkipComma(next);
        if (In(afterComma) && YearNumber(afterComma, out int year) && !(In(afterComma + 1) && IsFollowedByCount(afterComma)))
        {
            return new TimexHit(start, afterComma + 1, Date(year, month, day));
        }

        if (In(next + 1) && Is(next, "'") && PlainNumber(next + 1) && _atoms[next + 1].Digits == 2)
        {
            return new TimexHit(start, next + 2, Date(TwoDigitYear((int)Digits(next + 1)), month, day));
        }

        if (In(next + 1) && IsAny(next, "this", "last", "next") && Is(next + 1, "year"))
        {
            int offset = Is(next, "this") ? 0 : Is(next, "last") ? -1 : 1;
            return new TimexHit(start, next + 2, Date(offset, month, day, YearSource.AnchorOffset));
        }

        // "January 23 - March 9, 2014", "March 2-3, 2009", "May 5 and 6, 2008": the year written once serves both.
        if (SharedRangeYear(next) is { } rangeYear)
        {
            return new TimexHit(start, next, Date(rangeYear, month, day));
        }

        _ = weekday;
        return new TimexHit(start, next, Date(0, month, day, YearSource.Unwritten));
    }

    /// <summary>The year closing a range that starts at a day written without one ("- March 9, 2014"), or null.</summary>
    private int? SharedRangeYear(int i)
    {
        if (!IsAny(i, "-", "–", "to", "through", "until", "till", "and", "&"))
        {
            return null;
        }

        int k = i + 1;
        if (In(k) && MonthAt(k) > 0)
        {
            k++;
        }

        if (!DayNumber(k, out _))
        {
            return null;
        }

        k = SkipComma(k + 1);
        return YearNumber(k, out int year) ? year : null;
    }

    /// <summary>"December 2009", "May of 2008", "Dec. 2009".</summary>
    private TimexHit? MonthYear(int i)
    {
        int month = In(i) ? MonthAt(i) : 0;
        if (month == 0)
        {
            return null;
        }

        int y = SkipComma(i + 1);
        if (Is(y, "of"))
        {
            y++;
        }

        if (In(y) && YearNumber(y, out int year) && !IsFollowedByCount(y))
        {
            return new TimexHit(i, y + 1, Date(year, month, 0));
        }

        // "October of next year", "March last year", "June this year".
        if (IsAny(y, "this", "last", "next") && Is(y + 1, "year"))
        {
            int offset = Is(y, "this") ? 0 : Is(y, "last") ? -1 : 1;
            return new TimexHit(i, y + 2, Date(offset, month, 0, YearSource.AnchorOffset));
        }

        return null;
    }

    /// <summary>A month on its own: "in March", "last September", "February's sales".</summary>
    private TimexHit? MonthAlone(int i)
    {
        var direction = ModifierDirection(i, out int m);

        if (!In(m) || _atoms[m].Class != WordClass.Month)
        {
            return null;
        }

        int month = MonthAt(m, allowAbbreviation: false);
        if (month == 0)
        {
            return null;
        }

        // "May" and "March" are also a verb and a noun: accept them alone only after a time preposition or modifier.
        bool ambiguous = month is 3 or 5 || (m == 0 && month == 8);
        if (ambiguous && direction == Direction.Unknown && !IsAny(m - 1, "in", "since", "until", "till", "by", "from", "during", "before", "after", "of", "through", "early", "late", "mid", "between", "and", "or", "to", "last", "next", "this", "that", "each", "every", "-"))
        {
            return null;
        }

        return new TimexHit(i, m + 1, Date(0, month, 0, YearSource.Unwritten, direction));
    }

    /// <summary>A year on its own: "in 1991", "2008", "the 2008 election"; not "2000 troops" or "$2009".</summary>
    private TimexHit? YearAlone(int i)
    {
        if (!YearNumber(i, out int year))
        {
            return null;
        }

        // Glued to something: "A2009", "2009x", "+2009", "2009-", "1,2009".
        if (Glued(i) && In(i - 1) && (_atoms[i - 1].Kind != AtomKind.Punct || IsAny(i - 1, "$", "€", "£", "+", "#", ",", ".", "-")) && !Is(i - 1, "(") && !Is(i - 1, "'") && !Is(i - 1, "\"") && !Is(i - 1, "“"))
        {
            return null;
        }

        if (In(i + 1) && Glued(i + 1) && (IsNumber(i + 1) || IsAny(i + 1, ",", ".") && IsNumber(i + 2) && Glued(i + 2)))
        {
            return null;
        }

        bool yearRange = IsAny(i + 1, "-", "–") && YearNumber(i + 2, out _);
        if (!yearRange && IsAny(i - 1, "$", "€", "£", "No.", "no", "number", "No", "#", "about", "some", "nearly", "almost", "approximately", "roughly", "over", "than", "of", "flight", "Flight", "route", "Route", "room", "Room", "model"))
        {
            // "in 1991" passes (not listed); "about 2000 people" and "flight 2009" do not. "of 2009" is a date only
            // after a month or a period word, which the longer rules catch.
            if (!(Is(i - 1, "of") && IsAny(i - 2, "end", "beginning", "start", "middle", "spring", "summer", "autumn", "fall", "winter", "half", "quarter", "year", "month", "class", "season")))
            {
                return null;
            }
        }

        if (IsFollowedByCount(i))
        {
            return null;
        }

        // Years long ago are rarely written without a preposition; "1500" alone is usually a count.
        if (year < 1900 && !IsAny(i - 1, "in", "since", "from", "until", "till", "by", "of", "before", "after", "around", "circa", "c.", "year", "during", "between", "and", "to"))
        {
            return null;
        }

        return new TimexHit(i, i + 1, Date(year, 0, 0));
    }

    /// <summary>True when the number at <paramref name="i"/> counts something: "2000 troops", "2009 %", "2010 km".</summary>
    private bool IsFollowedByCount(int i)
    {
        int n = i + 1;
        if (!In(n))
        {
            return false;
        }

        if (IsAny(n, "%", "percent", "per", "km", "kg", "mm", "cm", "m", "ft", "lb", "lbs", "tons", "tonnes", "mph", "kph", "mw", "gw", "hp", "million", "billion", "thousand", "times", "x"))
        {
            return true;
        }

        var w = Span(n);
        if (_atoms[n].Kind == AtomKind.Word && char.IsLower(w[0]) && w.Length > 3 && w[^1] == 's' && _atoms[n].Class != WordClass.Unit)
        {
            // A plural noun right after the number. Some plurals follow years: "the 2008 elections", "1990 levels".
            return !(w.Equals("elections", StringComparison.Ordinal) || w.Equals("olympics", StringComparison.Ordinal) || w.Equals("games", StringComparison.Ordinal)
                || w.Equals("levels", StringComparison.Ordinal) || w.Equals("figures", StringComparison.Ordinal) || w.Equals("results", StringComparison.Ordinal)
                || w.Equals("earnings", StringComparison.Ordinal) || w.Equals("sales", StringComparison.Ordinal) || w.Equals("talks", StringComparison.Ordinal)
                || w.Equals("protests", StringComparison.Ordinal) || w.Equals("attacks", StringComparison.Ordinal) || w.Equals("riots", StringComparison.Ordinal)
                || w.Equals("floods", StringComparison.Ordinal) || w.Equals("accords", StringComparison.Ordinal) || w.Equals("prices", StringComparison.Ordinal)
                || w.Equals("models", StringComparison.Ordinal) || w.Equals("awards", StringComparison.Ordinal) || w.Equals("championships", StringComparison.Ordinal));
        }

        return false;
    }

    /// <summary>"last", "next", "this", "past", "coming", "this past", "this coming" before a day, month or season.</summary>
    private Direction ModifierDirection(int i, out int next)
    {
        next = i;
        if (Is(i, "this") && IsAny(i + 1, "past", "coming"))
        {
            next = i + 2;
            return Is(i + 1, "past") ? Direction.Past : Direction.Future;
        }

        if (IsAny(i, "last", "next", "this", "past", "coming", "upcoming"))
        {
            next = i + 1;
            return Is(i, "last") || Is(i, "past") ? Direction.Past : Is(i, "this") ? Direction.Same : Direction.Future;
        }

        return Direction.Unknown;
    }

    // ---- Holidays and weekends ------------------------------------------------------------------

    private static readonly (string[] Words, int Month, int Day, string? Computed)[] Holidays =
    [
        (["Christmas", "Eve"], 12, 24, null),
        (["Christmas", "Day"], 12, 25, null),
        (["Christmas"], 12, 25, null),
        (["Boxing", "Day"], 12, 26, null),
        (["New", "Year's", "Eve"], 12, 31, null),
        (["New", "Year", "'s", "Eve"], 12, 31, null),
        (["New", "Year's", "Day"], 1, 1, null),
        (["New", "Year", "'s", "Day"], 1, 1, null),
        (["Valentine's", "Day"], 2, 14, null),
        (["Valentine", "'s", "Day"], 2, 14, null),
        (["Halloween"], 10, 31, null),
        (["Bastille", "Day"], 7, 14, null),
        (["Thanksgiving", "Day"], 11, 0, "THANKSGIVING"),
        (["Thanksgiving"], 11, 0, "THANKSGIVING"),
        (["Easter", "Sunday"], 4, 0, "EASTER"),
        (["Easter", "Monday"], 4, 0, "EASTER+1"),
        (["Good", "Friday"], 4, 0, "EASTER-2"),
        (["Easter"], 4, 0, "EASTER"),
    ];

    /// <summary>"Christmas", "New Year's Day", "Thanksgiving", "Easter" (optionally with a year).</summary>
    private TimexHit? Holiday(int i)
    {
        if (!Capitalised(i))
        {
            return null;
        }

        foreach (var (words, month, day, computed) in Holidays)
        {
            int k = 0;
            int at = i;
            while (k < words.Length && In(at) && Span(at).Equals(words[k], StringComparison.OrdinalIgnoreCase))
            {
                k++;
                at++;
            }

            if (k < words.Length)
            {
                continue;
            }

            // "Christmas tree", "Easter Island", "Good Friday Agreement" name things, not days: a name or (after a
            // bare holiday) a noun may not follow.
            var year = YearAfter(at, out int end, allowBare: true);
            if (year is null && In(at) && _atoms[at].Kind == AtomKind.Word
                && (Capitalised(at) || (words.Length == 1 && !IsAny(at, "and", "or", "when", "as", "this", "last", "next", "in", "on", "at", "is", "was", "will", "the", "to", "of", "for", "with", "after", "before", "day", "eve"))))
            {
                return null;
            }

            var meaning = new TimexMeaning
            {
                Kind = MeaningKind.Date, Month = month, Day = day, Code = computed,
                YearSource = year?.Item1 ?? YearSource.Unwritten, Year = year?.Item2 ?? 0,
            };
            return new TimexHit(i, year is null ? at : end, meaning);
        }

        return null;
    }

    /// <summary>"over the weekend", "at the weekend": the weekend of the report's week, or the one before it in the past tense.</summary>
    private TimexHit? Weekend(int i)
    {
        if (Is(i, "the") && Is(i + 1, "weekend") && IsAny(i - 1, "over", "during", "at", "on", "for", "by", "until", "through", "throughout"))
        {
            return new TimexHit(i, i + 2, new TimexMeaning { Kind = MeaningKind.Relative, Unit = TimeUnit.Weekend });
        }

        return null;
    }

    // ---- Weekdays ----------------------------------------------------------------------------

    /// <summary>"Friday", "last Friday", "next Tuesday", "this Sunday".</summary>
    private TimexHit? WeekdayRule(int i)
    {
        var direction = ModifierDirection(i, out int w);

        if (!In(w) || Class(w) != WordClass.Weekday || !Capitalised(w))
        {
            return null;
        }

        // "Good Friday", "Black Friday", "Bloody Sunday", "Super Tuesday": named days, not this week's.
        if (direction == Direction.Unknown && IsAny(w - 1, "Good", "Black", "Bloody", "Super", "Cyber", "Easter", "Palm", "Ash", "Holy", "Maundy"))
        {
            return null;
        }

        return new TimexHit(i, w + 1, new TimexMeaning { Kind = MeaningKind.Weekday, Index = _atoms[w].Word.Value, Direction = direction });
    }

    // ---- Relative and deictic expressions ---------------------------------------------------------

    private TimexHit? Relative(int i)
    {
        var word = _atoms[i].Word;

        // today, yesterday, tomorrow, tonight; "the day before yesterday", "the day after tomorrow".
        if (word.Class == WordClass.Deictic)
        {
            // "USA Today" is a newspaper; "now-cancelled" an adjective.
            if ((Is(i, "today") && IsAny(i - 1, "USA", "Russia", "China")) || (Is(i + 1, "-") && Glued(i + 1)))
            {
                return null;
            }

            switch (word.Code)
            {
                case "D0":
                case "D-1":
                case "D+1":
                    int offset = word.Code == "D0" ? 0 : word.Code == "D-1" ? -1 : 1;
                    int start = i;
                    if (IsAny(i - 1, "earlier", "later") && word.Code == "D0")
                    {
                        start = i - 1;
                    }

                    return new TimexHit(start, i + 1, new TimexMeaning { Kind = MeaningKind.Relative, Unit = TimeUnit.Day, Offset = offset });
                case "TNI":
                    return Is(i, "tonight")
                        ? new TimexHit(i, i + 1, new TimexMeaning { Kind = MeaningKind.Time, Type = "TIME", Code = "NI", Inner = new TimexMeaning { Kind = MeaningKind.Relative, Unit = TimeUnit.Day } })
                        : null;
                default:
                    // now, currently, recently: only as adverbs ("now" in "now that" is a conjunction).
                    if (Is(i, "now") && (Is(i + 1, "that") || IsAny(i - 1, "until", "till", "by", "from", "for")))
                    {
                        return IsAny(i - 1, "until", "till", "by", "from", "for") && !Is(i + 1, "that")
                            ? new TimexHit(i, i + 1, Literal("PRESENT_REF"))
                            : null;
                    }

                    return new TimexHit(i, i + 1, Literal(word.Code!));
            }
        }

        // "earlier in the day", "later in the week", "profit for the quarter": the period reported, as last
        // mentioned (or the document's own).
        if (Is(i, "the") && Class(i + 1) == WordClass.Unit && !_atoms[i + 1].Word.Plural && _atoms[i + 1].Word.Unit is TimeUnit.Day or TimeUnit.Week or TimeUnit.Month or TimeUnit.Quarter or TimeUnit.Year
            && ((Is(i - 1, "in") && IsAny(i - 2, "earlier", "later")) || (IsAny(i - 1, "for", "during", "throughout") && !IsFollowedByNoun(i + 2) && !Is(i + 2, "of"))))
        {
            return new TimexHit(i, i + 2, new TimexMeaning { Kind = MeaningKind.Relative, Unit = _atoms[i + 1].Word.Unit, FromReference = true });
        }

        // Markets "ended the day", "closed the day": the day reported.
        if (Is(i, "the") && Is(i + 1, "day") && IsAny(i - 1, "end", "ended", "ending", "ends", "finish", "finished", "finishing", "close", "closed", "closing", "start", "started", "starting", "began", "begin", "open", "opened", "opening"))
        {
            return new TimexHit(i, i + 2, new TimexMeaning { Kind = MeaningKind.Relative, Unit = TimeUnit.Day, FromReference = true });
        }

        // "by that time", "at that time", "since that time": the last date mentioned.
        if (Is(i, "that") && Is(i + 1, "time") && IsAny(i - 1, "by", "at", "since", "until", "till", "before", "after", "from"))
        {
            return new TimexHit(i, i + 2, new TimexMeaning { Kind = MeaningKind.Relative, Unit = TimeUnit.None, FromReference = true });
        }

        // "the year before", "the year previous", "the day after" (when no event follows).
        if (Is(i, "the") && Class(i + 1) == WordClass.Unit && !_atoms[i + 1].Word.Plural && _atoms[i + 1].Word.Unit is TimeUnit.Day or TimeUnit.Week or TimeUnit.Month or TimeUnit.Year
            && IsAny(i + 2, "before", "previous", "earlier", "after", "later") && !StartsNounPhrase(i + 3))
        {
            int sign = IsAny(i + 2, "before", "previous", "earlier") ? -1 : 1;
            return new TimexHit(i, i + 3, new TimexMeaning { Kind = MeaningKind.Relative, Unit = _atoms[i + 1].Word.Unit, Offset = sign, FromReference = true });
        }

        if (Is(i, "the") && Is(i + 1, "day") && IsAny(i + 2, "before", "after") && IsAny(i + 3, "yesterday", "tomorrow"))
        {
            int offset = Is(i + 3, "yesterday") ? -2 : 2;
            return new TimexHit(i, i + 4, new TimexMeaning { Kind = MeaningKind.Relative, Unit = TimeUnit.Day, Offset = offset });
        }

        // "earlier this year", "later this month", "later that day".
        if (IsAny(i, "earlier", "later") && IsAny(i + 1, "this", "that") && Class(i + 2) == WordClass.Unit && !_atoms[i + 2].Word.Plural)
        {
            var unit = _atoms[i + 2].Word.Unit;
            return new TimexHit(i, i + 3, new TimexMeaning { Kind = MeaningKind.Relative, Unit = unit, Offset = 0, FromReference = Is(i + 1, "that"), Mod = Is(i, "earlier") ? "EARLY" : "LATE" });
        }

        // [the] modifier + unit/weekday/month/season.
        int m = i;
        bool article = false;
        if (Is(m, "the"))
        {
            article = true;
            m++;
        }

        if (!In(m + 1) || Class(m) != WordClass.Modifier)
        {
            // "N units ago/earlier/later/from now".
            return Ago(i);
        }

        string code = _atoms[m].Word.Code!;
        int u = m + 1;
        var target = _atoms[u].Word;

        // "the past two years", "the next four years", "the last three months": durations.
        if (code is "PAST" or "NEXT" or "LAST" or "FOLLOW" or "PREV" && (Count > u) && NumberPhrase(u, out double count, out int afterNumber, out bool vague) && In(afterNumber)
            && Class(afterNumber) == WordClass.Unit && (article || code is "PAST" or "NEXT" or "LAST"))
        {
            var unit = _atoms[afterNumber].Word.Unit;
            return new TimexHit(i, afterNumber + 1, Literal(DurationValue(count, unit, vague), "DURATION"));
        }

        if (target.Class == WordClass.Unit)
        {
            var unit = target.Unit;
            bool plural = target.Plural;
            if (plural)
            {
                // "recent years", "the coming months", "the past few years" (handled above), "the past weeks".
                return code switch
                {
                    "RECENT" => new TimexHit(m, u + 1, Literal("PAST_REF")),
                    "NEXT" when article || IsAny(i - 1, "in", "over", "during", "within") => new TimexHit(i, u + 1, Literal("FUTURE_REF")),
                    "PAST" or "LAST" when article => new TimexHit(i, u + 1, Literal(DurationValue(0, unit, vague: true), "DURATION")),
                    _ => null,
                };
            }

            if (unit is TimeUnit.Second or TimeUnit.Minute)
            {
                return null;
            }

            switch (code)
            {
                case "THIS":
                    if (article && !Is(m, "present") && !Is(m, "current"))
                    {
                        return null;
                    }

                    return new TimexHit(i, u + 1, new TimexMeaning { Kind = MeaningKind.Relative, Unit = unit, Offset = 0 });
                case "LAST":
                    return new TimexHit(i, u + 1, new TimexMeaning { Kind = MeaningKind.Relative, Unit = unit, Offset = -1 });
                case "NEXT" when !article:
                    return new TimexHit(i, u + 1, new TimexMeaning { Kind = MeaningKind.Relative, Unit = unit, Offset = 1 });
                case "NEXT" when IsAny(i - 1, "over", "within", "during", "for", "throughout"):
                    // "over the next year" is a stretch of time, not a date.
                    return new TimexHit(i, u + 1, Literal(DurationValue(1, unit, vague: false), "DURATION"));
                case "NEXT":
                case "FOLLOW":
                    // "the next day", "the following week": counted from the last date mentioned.
                    return new TimexHit(i, u + 1, new TimexMeaning { Kind = MeaningKind.Relative, Unit = unit, Offset = 1, FromReference = true });
                case "PREV":
                    return article
                        ? new TimexHit(i, u + 1, new TimexMeaning { Kind = MeaningKind.Relative, Unit = unit, Offset = -1, FromReference = true })
                        : null;
                case "SAME":
                case "THAT":
                    if (code == "SAME" && !article)
                    {
                        return null;
                    }

                    // "that day", "the same year"; "that year" only after a preposition ("in that year"), not "that year's".
                    return new TimexHit(i, u + 1, new TimexMeaning { Kind = MeaningKind.Relative, Unit = unit, Offset = 0, FromReference = true });
                case "PAST" when article:
                    return new TimexHit(i, u + 1, Literal(DurationValue(1, unit, vague: false), "DURATION"));
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>"two years ago", "three days earlier", "a week later", "two months from now".</summary>
    private TimexHit? Ago(int i)
    {
        int start = i;
        string? mod = null;
        if (Class(i) == WordClass.Approximator)
        {
            mod = _atoms[i].Word.Code;
            i++;
        }
        else if (IsAny(i, "more", "less") && Is(i + 1, "than"))
        {
            mod = Is(i, "more") ? "MORE_THAN" : "LESS_THAN";
            i += 2;
        }

        // "years ago", "decades ago", "long ago": some time back.
        if (mod is null && Class(i) == WordClass.Unit && _atoms[i].Word.Plural && Is(i + 1, "ago"))
        {
            return new TimexHit(i, i + 2, Literal("PAST_REF"));
        }

        if (mod is null && Is(i, "long") && Is(i + 1, "ago") && !Is(i - 1, "how"))
        {
            return new TimexHit(i, i + 2, Literal("PAST_REF"));
        }

        if (!In(i) || !NumberPhrase(i, out double count, out int u, out bool vague) || !In(u + 1) || Class(u) != WordClass.Unit)
        {
            return null;
        }

        var unit = _atoms[u].Word.Unit;
        int n = vague ? 0 : (int)Math.Round(count);
        if (Is(u + 1, "ago"))
        {
            return new TimexHit(start, u + 2, vague
                ? Literal("PAST_REF")
                : new TimexMeaning { Kind = MeaningKind.Relative, Unit = unit, Offset = -n, Mod = mod });
        }

        if (Is(u + 1, "from") && Is(u + 2, "now"))
        {
            return new TimexHit(start, u + 3, vague
                ? Literal("FUTURE_REF")
                : new TimexMeaning { Kind = MeaningKind.Relative, Unit = unit, Offset = n, Mod = mod });
        }

        if (IsAny(u + 1, "earlier", "later") && !vague)
        {
            int sign = Is(u + 1, "earlier") ? -1 : 1;
            return new TimexHit(start, u + 2, new TimexMeaning { Kind = MeaningKind.Relative, Unit = unit, Offset = sign * n, FromReference = true, Mod = mod });
        }

        return null;
    }

    // ---- Boundaries: "the end of the year", "early 2009", "mid-March" --------------------------------

    private TimexHit? Boundary(int i)
    {
        // early/late/mid + period.
        if (IsAny(i, "early", "late", "mid") || (Is(i, "mid") && Glued(i + 1)))
        {
            int p = i + 1;
            if (Is(p, "-"))
            {
                p++;
            }

            string mod = Is(i, "early") ? "EARLY" : Is(i, "late") ? "LATE" : "MID";
            var inner = Period(p);
            if (inner is { } x && x.Meaning.Kind is MeaningKind.Date or MeaningKind.Relative or MeaningKind.Decade or MeaningKind.Century)
            {
                if (x.Meaning.Kind == MeaningKind.Date && x.Meaning.Day > 0)
                {
                    return null;
                }

                return new TimexHit(i, x.End, WithMod(x.Meaning, mod));
            }

            return null;
        }

        // "year end", "year-end": the end of this year (but not "year-end results" of a past year: the tense decides nothing here).
        if (Is(i, "year") && (Is(i + 1, "end") || (Is(i + 1, "-") && Glued(i + 1) && Is(i + 2, "end"))) && IsAny(i - 1, "by", "at", "before", "until", "till", "to", "around", "near"))
        {
            int e = Is(i + 1, "end") ? i + 2 : i + 3;
            return new TimexHit(i, e, new TimexMeaning
            {
                Kind = MeaningKind.Relative, Unit = TimeUnit.Year, Narrow = "END", Mod = "END",
                Inner = new TimexMeaning { Kind = MeaningKind.Relative, Unit = TimeUnit.Year },
            });
        }

        // [the] end/beginning/start/middle of + period ("the end of the year", "the beginning of March").
        int b = Is(i, "the") ? i + 1 : i;
        if (Class(b) != WordClass.Boundary || !Is(b + 1, "of"))
        {
            return null;
        }

        // "at the end of the day" is an idiom, not a date.
        if (Is(b + 2, "the") && Is(b + 3, "day") && Is(b, "end") && Is(b - 1, "the") && Is(b - 2, "at"))
        {
            return null;
        }

        string boundary = _atoms[b].Word.Code!;
        var period = Period(b + 2);
        if (period is not { } pe)
        {
            return null;
        }

        return new TimexHit(i, pe.End, new TimexMeaning
        {
            Kind = pe.Meaning.Kind == MeaningKind.Literal ? MeaningKind.Literal : pe.Meaning.Kind,
            Type = pe.Meaning.Type,
            Code = pe.Meaning.Code,
            Narrow = boundary,
            Mod = boundary,
            Inner = pe.Meaning,
        });
    }

    private static TimexMeaning WithShift(TimexMeaning m, int years) => new()
    {
        Kind = m.Kind, Type = m.Type, Unit = m.Unit, Offset = m.Offset, FromReference = m.FromReference, Mod = m.Mod, YearShift = years,
    };

    private static TimexMeaning WithMod(TimexMeaning m, string mod) => new()
    {
        Kind = m.Kind, Type = m.Type, YearSource = m.YearSource, Year = m.Year, Month = m.Month, Day = m.Day, Index = m.Index,
        Code = m.Code, Unit = m.Unit, Offset = m.Offset, FromReference = m.FromReference, Direction = m.Direction, Mod = mod,
        Narrow = m.Narrow, Inner = m.Inner,
    };

    /// <summary>A period that a boundary word can take: "the year", "this year", "2009", "March", "the 1990s", "next month".</summary>
    private TimexHit? Period(int i)
    {
        if (!In(i))
        {
            return null;
        }

        // "the year", "the month", "the week", "the decade", "the century": the current one.
        if (Is(i, "the") && Class(i + 1) == WordClass.Unit && !_atoms[i + 1].Word.Plural && _atoms[i + 1].Word.Unit is TimeUnit.Year or TimeUnit.Month or TimeUnit.Week or TimeUnit.Decade or TimeUnit.Century or TimeUnit.Quarter or TimeUnit.Day)
        {
            // "the day" is the last day mentioned (in news, usually the day reported).
            var unit = _atoms[i + 1].Word.Unit;
            return new TimexHit(i, i + 2, new TimexMeaning { Kind = MeaningKind.Relative, Unit = unit, Offset = 0, FromReference = unit == TimeUnit.Day });
        }

        TimexHit? best = null;
        foreach (var candidate in new[] { Relative(i), MonthYear(i), ExplicitDate(i), DecadeOrCentury(i), QuarterOrHalf(i), SeasonRule(i), YearNumber(i, out int y) ? new TimexHit(i, i + 1, Date(y, 0, 0)) : null, In(i) && MonthAt(i, false) > 0 ? new TimexHit(i, i + 1, Date(0, MonthAt(i, false), 0, YearSource.Unwritten)) : null })
        {
            if (candidate is { } c && (best is null || c.End > best.Value.End))
            {
                best = c;
            }
        }

        return best;
    }

    // ---- Quarters, halves, seasons, fiscal years --------------------------------------------------

    private TimexHit? QuarterOrHalf(int i)
    {
        int start = i;
        if (Is(i, "the"))
        {
            i++;
        }

        // "Q3 2009", "Q1", "H1 2009".
        if (In(i + 1) && IsAny(i, "Q", "H") && Glued(i + 1) && PlainNumber(i + 1) && Capitalised(i))
        {
            int n = (int)Digits(i + 1);
            bool quarter = Is(i, "Q");
            if (quarter ? n is < 1 or > 4 : n is < 1 or > 2)
            {
                return null;
            }

            int end = i + 2;
            var year = YearAfter(end, out end, allowBare: true);
            return new TimexHit(start, end, PeriodMeaning(quarter ? MeaningKind.Quarter : MeaningKind.Half, n, year));
        }

        int ordinal = OrdinalAt(i);
        if (ordinal == 0)
        {
            return null;
        }

        int unitAt = Is(i + 1, "-") && Glued(i + 1) ? i + 2 : i + 1;
        bool isQuarter = Is(unitAt, "quarter");
        bool isHalf = Is(unitAt, "half");
        if (!isQuarter && !isHalf)
        {
            return null;
        }

        if (ordinal == -1)
        {
            ordinal = isQuarter ? 4 : 2;
        }

        if (isQuarter ? ordinal > 4 : ordinal > 2)
        {
            return null;
        }

        // "the first half of the match" is not a date: the half must be of a period or stand alone.
        int after = unitAt + 1;
        (YearSource, int)? yearInfo = null;
        if (Is(after, "of"))
        {
            yearInfo = YearAfter(after + 1, out int end2, allowBare: true);
            if (yearInfo is null)
            {
                if (isHalf)
                {
                    return null;
                }
            }
            else
            {
                after = end2;
            }
        }
        else if (In(after))
        {
            var bare = YearAfter(after, out int end3, allowBare: true);
            if (bare is not null)
            {
                yearInfo = bare;
                after = end3;
            }
        }

        if (isHalf && yearInfo is null && start == i)
        {
            // "first half" without "the" or a year is usually a match half.
            return null;
        }

        return new TimexHit(start, after, PeriodMeaning(isQuarter ? MeaningKind.Quarter : MeaningKind.Half, ordinal, yearInfo));
    }

    private static TimexMeaning PeriodMeaning(MeaningKind kind, int index, (YearSource Source, int Year)? year) => new()
    {
        Kind = kind,
        Index = index,
        YearSource = year?.Source ?? YearSource.Unwritten,
        Year = year?.Year ?? 0,
    };

    /// <summary>"2009", "this year", "last year", "next year", "the year", "fiscal 2009" after a period word.</summary>
    private (YearSource, int)? YearAfter(int i, out int end, bool allowBare)
    {
        end = i;
        if (allowBare && YearNumber(i, out int y) && !IsFollowedByCount(i))
        {
            end = i + 1;
            return (YearSource.Written, y);
        }

        if (IsAny(i, "this", "last", "next", "the", "that") && Is(i + 1, "year"))
        {
            end = i + 2;
            return Is(i, "this") || Is(i, "the") ? (YearSource.AnchorOffset, 0)
                : Is(i, "last") ? (YearSource.AnchorOffset, -1)
                : Is(i, "that") ? (YearSource.ReferenceOffset, 0)
                : (YearSource.AnchorOffset, 1);
        }

        if (Is(i, "the") && IsAny(i + 1, "previous", "following") && Is(i + 2, "year"))
        {
            end = i + 3;
            return (YearSource.ReferenceOffset, Is(i + 1, "previous") ? -1 : 1);
        }

        if (Is(i, "fiscal") && YearNumber(i + 1, out int fy))
        {
            end = i + 2;
            return (YearSource.Written, fy);
        }

        return null;
    }

    private int OrdinalAt(int i)
    {
        if (!In(i))
        {
            return 0;
        }

        if (Is(i, "second"))
        {
            return 2;
        }

        if (Is(i, "last") || Is(i, "final"))
        {
            return -1;
        }

        if (Class(i) == WordClass.Ordinal)
        {
            return _atoms[i].Word.Value;
        }

        if (IsNumber(i) && (HasSuffix(i, "st") || HasSuffix(i, "nd") || HasSuffix(i, "rd") || HasSuffix(i, "th")) && Digits(i) is > 0 and < 100)
        {
            return (int)Digits(i);
        }

        return 0;
    }

    /// <summary>"this summer", "last winter", "spring 2010", "the autumn of 2008", "in the fall".</summary>
    private TimexHit? SeasonRule(int i)
    {
        int start = i;
        var direction = Direction.Unknown;
        int offset = 0;
        var source = YearSource.Unwritten;
        direction = ModifierDirection(i, out int s);
        if (direction == Direction.Unknown && Is(i, "the"))
        {
            s = i + 1;
        }

        if (Class(s) != WordClass.Season)
        {
            return null;
        }

        string code = _atoms[s].Word.Code!;
        int end = s + 1;
        var year = Is(end, "of") ? YearAfter(end + 1, out int e1, allowBare: true) : YearAfter(end, out e1, allowBare: true);
        if (year is { } yv)
        {
            (source, offset) = yv;
            end = e1;
        }
        else
        {
            // A bare season needs a modifier or a time preposition: "fall" and "spring" are also verbs and nouns.
            if (direction == Direction.Unknown && !(start < s && IsAny(start - 1, "in", "during", "by", "until", "since", "through", "over") || IsAny(s - 1, "in", "during", "by", "until", "since", "through")))
            {
                return null;
            }

            if (Is(s, "fall") && start == s)
            {
                return null;
            }
        }

        return new TimexHit(start, end, new TimexMeaning { Kind = MeaningKind.Season, Code = code, YearSource = source, Year = offset, Direction = direction });
    }

    /// <summary>"fiscal 2009", "fiscal year 2009", "FY2009", "FY 2009", "FY09".</summary>
    private TimexHit? Fiscal(int i)
    {
        if (Is(i, "fiscal"))
        {
            int y = Is(i + 1, "year") ? i + 2 : i + 1;
            if (YearNumber(y, out int year))
            {
                return new TimexHit(i, y + 1, new TimexMeaning { Kind = MeaningKind.FiscalYear, Year = year });
            }

            return null;
        }

        if (Span(i).Equals("FY", StringComparison.Ordinal) && IsNumber(i + 1) && PlainNumber(i + 1))
        {
            int digits = _atoms[i + 1].Digits;
            int year = digits == 4 ? (int)Digits(i + 1) : digits == 2 ? TwoDigitYear((int)Digits(i + 1)) : 0;
            return year > 0 ? new TimexHit(i, i + 2, new TimexMeaning { Kind = MeaningKind.FiscalYear, Year = year }) : null;
        }

        return null;
    }

    /// <summary>"the 1990s", "the '90s", "the nineties", "the 20th century", "this century".</summary>
    private TimexHit? DecadeOrCentury(int i)
    {
        int start = i;
        int d = Is(i, "the") ? i + 1 : i;
        if (!In(d))
        {
            return null;
        }

        if (IsNumber(d) && HasSuffix(d, "s") && _atoms[d].Digits == 4 && Digits(d) % 10 == 0 && Digits(d) is >= 1000 and < 2200)
        {
            return new TimexHit(start, d + 1, new TimexMeaning { Kind = MeaningKind.Decade, Year = (int)Digits(d) });
        }

        if (IsAny(d, "'", "’") && IsNumber(d + 1) && HasSuffix(d + 1, "s") && _atoms[d + 1].Digits == 2 && Digits(d + 1) % 10 == 0)
        {
            int yy = (int)Digits(d + 1);
            return new TimexHit(start, d + 2, new TimexMeaning { Kind = MeaningKind.Decade, Year = yy < 30 ? 2000 + yy : 1900 + yy });
        }

        if (start < d)
        {
            string[] decades = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"];
            for (int k = 0; k < decades.Length; k++)
            {
                if (Is(d, decades[k]))
                {
                    return new TimexHit(start, d + 1, new TimexMeaning { Kind = MeaningKind.Decade, Year = 1920 + 10 * k });
                }
            }
        }

        int ordinal = OrdinalAt(d);
        int c = d + 1;
        if (Is(c, "-") && Glued(c))
        {
            c++;
        }

        if (ordinal is > 0 and <= 22 && Is(c, "century"))
        {
            return new TimexHit(start, c + 1, new TimexMeaning { Kind = MeaningKind.Century, Year = ordinal - 1 });
        }

        return null;
    }

    // ---- Durations and sets ---------------------------------------------------------------------

    /// <summary>
    /// A count: digits ("3", "1.5"), number words ("twenty-five"), "a"/"an" (one), "a few"/"several" (vague),
    /// "two and a half", "half an", "a dozen", "a couple of".
    /// </summary>
    private bool NumberPhrase(int i, out double value, out int end, out bool vague)
    {
        value = 0;
        end = i;
        vague = false;
        if (!In(i))
        {
            return false;
        }

        if (Is(i, "half") && IsAny(i + 1, "a", "an"))
        {
            value = 0.5;
            end = i + 2;
            return true;
        }

        if (IsAny(i, "a", "an"))
        {
            if (IsAny(i + 1, "few", "couple"))
            {
                vague = Is(i + 1, "few");
                value = vague ? 0 : 2;
                end = Is(i + 2, "of") ? i + 3 : i + 2;
                return true;
            }

            if (Is(i + 1, "dozen"))
            {
                value = 12;
                end = i + 2;
                return true;
            }

            value = 1;
            end = i + 1;
            return true;
        }

        if (Class(i) == WordClass.Vague)
        {
            vague = true;
            end = i + 1;
            return true;
        }

        if (IsNumber(i) && PlainNumber(i) && _atoms[i].Digits <= 3)
        {
            value = Digits(i);
            end = i + 1;

            // Decimals: "1.5", "2,5".
            if (IsAny(end, ".") && Glued(end) && PlainNumber(end + 1) && Glued(end + 1))
            {
                value = double.Parse($"{Digits(i)}.{Span(end + 1)}", CultureInfo.InvariantCulture);
                end += 2;
            }

            // A number glued to something before ("A380", "1,000") is not a count of time units.
            if (Glued(i) && In(i - 1) && (_atoms[i - 1].Kind == AtomKind.Word || IsAny(i - 1, ",", ".", "$", "€", "£")))
            {
                return false;
            }
        }
        else if (Class(i) == WordClass.Number)
        {
            value = _atoms[i].Word.Value;
            end = i + 1;

            // "twenty-five", "twenty five".
            if (value is >= 20 and < 100 && value % 10 == 0)
            {
                int k = Is(end, "-") && Glued(end) ? end + 1 : end;
                if (Class(k) == WordClass.Number && _atoms[k].Word.Value is > 0 and < 10)
                {
                    value += _atoms[k].Word.Value;
                    end = k + 1;
                }
            }

            if (Is(end, "hundred"))
            {
                value *= 100;
                end++;
            }
        }
        else
        {
            return false;
        }

        // "two and a half".
        if (Is(end, "and") && Is(end + 1, "a") && Is(end + 2, "half"))
        {
            value += 0.5;
            end += 3;
        }

        return true;
    }

    private TimexHit? Duration(int i)
    {
        int start = i;
        string? mod = null;
        if (Class(i) == WordClass.Approximator && (IsNumber(i + 1) || Class(i + 1) is WordClass.Number or WordClass.Article or WordClass.Vague))
        {
            mod = _atoms[i].Word.Code;
            i++;
        }
        else if (IsAny(i, "more", "less", "fewer") && Is(i + 1, "than"))
        {
            mod = Is(i, "more") ? "MORE_THAN" : "LESS_THAN";
            i += 2;
        }
        else if (Is(i, "at") && IsAny(i + 1, "least", "most"))
        {
            mod = Is(i + 1, "least") ? "EQUAL_OR_MORE" : "EQUAL_OR_LESS";
            i += 2;
        }
        else if (Is(i, "up") && Is(i + 1, "to"))
        {
            mod = "EQUAL_OR_LESS";
            i += 2;
        }

        // Bare plural: "for years", "within minutes", "for decades".
        if (Class(i) == WordClass.Unit && _atoms[i].Word.Plural && mod is null)
        {
            int before = IsAny(i - 1, "just", "only", "mere") ? i - 2 : i - 1;
            if (IsAny(before, "for", "within", "in", "over", "took", "lasted", "spent", "last") && !Is(i + 1, "of") && !(Is(i + 1, "'") || Is(i + 1, "’")))
            {
                return new TimexHit(i, i + 1, Literal(DurationValue(0, _atoms[i].Word.Unit, vague: true), "DURATION"));
            }

            // "decades-long", "years-long".
            if (Is(i + 1, "-") && Glued(i + 1) && Is(i + 2, "long"))
            {
                return new TimexHit(i, i + 3, Literal(DurationValue(0, _atoms[i].Word.Unit, vague: true), "DURATION"));
            }

            return null;
        }

        // "year-long", "month-long".
        if (Class(i) == WordClass.Unit && !_atoms[i].Word.Plural && Is(i + 1, "-") && Glued(i + 1) && Is(i + 2, "long"))
        {
            return new TimexHit(start, i + 3, Literal(DurationValue(1, _atoms[i].Word.Unit, vague: false), "DURATION", mod));
        }

        if (!NumberPhrase(i, out double count, out int u, out bool vague))
        {
            return null;
        }

        bool hyphen = Is(u, "-") && Glued(u) && Glued(u + 1);
        int unitAt = hyphen ? u + 1 : u;

        // "two consecutive quarters", "three straight days", "two full years".
        if (!hyphen && IsAny(unitAt, "consecutive", "straight", "successive", "full", "whole", "long", "more", "additional", "further", "extra") && Class(unitAt + 1) == WordClass.Unit)
        {
            unitAt++;
        }

        // "between 60 and 90 days", "two or three years": the first number takes the unit of the second.
        if (!hyphen && Class(unitAt) != WordClass.Unit && IsAny(u, "and", "or", "to") && !vague && !IsAny(i, "a", "an")
            && NumberPhrase(u + 1, out _, out int secondEnd, out bool secondVague) && !secondVague && Class(secondEnd) == WordClass.Unit && _atoms[secondEnd].Word.Plural)
        {
            return new TimexHit(start, u, Literal(DurationValue(count, _atoms[secondEnd].Word.Unit, vague: false), "DURATION", mod));
        }

        if (Class(unitAt) != WordClass.Unit)
        {
            return null;
        }

        var word = _atoms[unitAt].Word;
        bool article = IsAny(i, "a", "an") && !vague && count == 1;

        // Articles only count singular units: "a year", not "a years"; "a second" is too often the ordinal.
        if (article && (word.Plural || word.Unit == TimeUnit.Second || word.Unit == TimeUnit.Quarter))
        {
            return null;
        }

        // "twice a day", "$5 a year", "10 percent a year": a frequency, not a duration.
        if (article && In(i - 1) && (IsNumber(i - 1) || IsAny(i - 1, "times", "once", "twice", "thrice", "million", "billion", "percent", "%", "dollars", "euros", "cents", "per")))
        {
            return new TimexHit(i, unitAt + 1, Literal(DurationValue(1, word.Unit, vague: false), "SET"));
        }

        // "One day, ..." opening a sentence is "once"; "a day" of "a day after" stays a duration.
        if (start == 0 && i == 0 && Is(i, "one") && Is(unitAt, "day") && Is(unitAt + 1, ","))
        {
            return null;
        }

        int end = unitAt + 1;

        // Ages: "51-year-old", "51 years old".
        if (Is(end, "-") && Glued(end) && Is(end + 1, "old"))
        {
            end += 2;
        }
        else if (Is(end, "old") && word.Plural)
        {
            end++;
        }
        else if (Is(end, "-") && Glued(end) && Is(end + 1, "long"))
        {
            end += 2;
        }

        // "a year ago" is a date (handled by Ago); "two days later" too.
        if (IsAny(unitAt + 1, "ago") || (IsAny(unitAt + 1, "earlier", "later") && !vague) || (Is(unitAt + 1, "from") && Is(unitAt + 2, "now")))
        {
            return null;
        }

        return new TimexHit(start, end, Literal(DurationValue(count, word.Unit, vague), "DURATION", mod));
    }

    /// <summary>A TIMEX3 duration: P2Y, PT2H, P1.5Y, PXY (vague). Decades and centuries count in years.</summary>
    internal static string DurationValue(double count, TimeUnit unit, bool vague)
    {
        string n;
        if (vague)
        {
            n = "X";
        }
        else
        {
            if (unit == TimeUnit.Decade)
            {
                count *= 10;
                unit = TimeUnit.Year;
            }
            else if (unit == TimeUnit.Century)
            {
                count *= 100;
                unit = TimeUnit.Year;
            }
            else if (unit == TimeUnit.Fortnight)
            {
                count *= 2;
            }

            n = count.ToString("0.##", CultureInfo.InvariantCulture);
        }

        if (vague && unit is TimeUnit.Decade or TimeUnit.Century)
        {
            unit = TimeUnit.Year;
        }

        return (TimeLexicon.IsClockUnit(unit) ? "PT" : "P") + n + TimeLexicon.DurationLetter(unit);
    }

    /// <summary>"weekly", "every Monday", "every two weeks", "each year", "on Mondays", "twice a week".</summary>
    private TimexHit? SetRule(int i)
    {
        var word = _atoms[i].Word;
        if (word.Class == WordClass.SetAdverb)
        {
            // "weekly" and friends are sets; "annual" as an adjective too ("annual profit" = each year's).
            return new TimexHit(i, i + 1, Literal(word.Code!, "SET"));
        }

        if (IsAny(i, "every", "each"))
        {
            int k = i + 1;
            if (Is(k, "other"))
            {
                k++;
            }

            double count = Is(i + 1, "other") ? 2 : 1;
            if (NumberPhrase(k, out double n, out int afterNumber, out bool vague) && !vague && Class(afterNumber) == WordClass.Unit)
            {
                count = n;
                k = afterNumber;
            }

            if (Class(k) == WordClass.Unit)
            {
                return new TimexHit(i, k + 1, Literal(DurationValue(count, _atoms[k].Word.Unit, vague: false), "SET"));
            }

            if (Class(k) == WordClass.Weekday && Capitalised(k))
            {
                return new TimexHit(i, k + 1, Literal("XXXX-WXX-" + _atoms[k].Word.Value.ToString(CultureInfo.InvariantCulture), "SET"));
            }

            if (Class(k) == WordClass.PartOfDay && _atoms[k].Word.Code!.Length == 2)
            {
                return new TimexHit(i, k + 1, Literal("XXXX-XX-XXT" + _atoms[k].Word.Code, "SET"));
            }

            return null;
        }

        // "on Mondays".
        if (word.Class == WordClass.WeekdayPlural && Capitalised(i))
        {
            return new TimexHit(i, i + 1, Literal("XXXX-WXX-" + word.Value.ToString(CultureInfo.InvariantCulture), "SET"));
        }

        // "twice a week", "three times a year", "once a month".
        int u = -1;
        if (IsAny(i, "once", "twice", "thrice") && IsAny(i + 1, "a", "an", "per", "every", "each"))
        {
            u = i + 2;
        }
        else if (NumberPhrase(i, out _, out int t, out bool vague2) && !vague2 && Is(t, "times") && IsAny(t + 1, "a", "an", "per", "every", "each"))
        {
            u = t + 2;
        }

        if (u > 0 && Class(u) == WordClass.Unit && !_atoms[u].Word.Plural)
        {
            return new TimexHit(i, u + 1, Literal(DurationValue(1, _atoms[u].Word.Unit, vague: false), "SET"));
        }

        return null;
    }

    /// <summary>PAST_REF, PRESENT_REF, FUTURE_REF phrases: "the past", "the future", "the time being", "at present".</summary>
    private TimexHit? Reference(int i)
    {
        if (Is(i, "the"))
        {
            if (Is(i + 1, "future") && !IsFollowedByNoun(i + 2))
            {
                return new TimexHit(i, i + 2, Literal("FUTURE_REF"));
            }

            if (IsAny(i + 1, "near", "foreseeable", "distant", "immediate") && Is(i + 2, "future"))
            {
                return new TimexHit(i, i + 3, Literal("FUTURE_REF"));
            }

            if (Is(i + 1, "past") && !IsFollowedByNoun(i + 2) && Class(i + 2) != WordClass.Unit)
            {
                return IsAny(i - 1, "in", "than", "from", "of") ? new TimexHit(i, i + 2, Literal("PAST_REF")) : null;
            }

            if (Is(i + 1, "time") && Is(i + 2, "being"))
            {
                return new TimexHit(i, i + 3, Literal("PRESENT_REF"));
            }

            if (IsAny(i + 1, "long", "short", "medium") && Is(i + 2, "term"))
            {
                return new TimexHit(i, i + 3, Literal("FUTURE_REF"));
            }

            if (Is(i + 1, "present") && IsAny(i - 1, "at", "until", "till", "to"))
            {
                return new TimexHit(i, i + 2, Literal("PRESENT_REF"));
            }
        }

        if (Is(i, "present") && Is(i - 1, "at"))
        {
            return new TimexHit(i, i + 1, Literal("PRESENT_REF"));
        }

        if (Is(i, "these") && Is(i + 1, "days"))
        {
            return new TimexHit(i, i + 2, Literal("PRESENT_REF"));
        }

        return null;
    }

    /// <summary>True when a noun phrase starts at <paramref name="i"/> ("the election", "his arrest", "Christmas").</summary>
    private bool StartsNounPhrase(int i) =>
        In(i) && _atoms[i].Kind is AtomKind.Word or AtomKind.Number
        && (Capitalised(i) || IsAny(i, "the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those", "my", "your"));

    private bool IsFollowedByNoun(int i) => In(i) && _atoms[i].Kind == AtomKind.Word && char.IsLower(_text[_atoms[i].Start]) && !IsAny(i, "and", "or", "but", "as", "when", "if", "that", "because", "to", "for", "in", "of", "with", "is", "was", "will");

    // ---- Times of day -----------------------------------------------------------------------------

    /// <summary>"14:48 UTC", "6:40 p.m.", "6 p.m.", "0800 GMT", "noon", "midnight", "ten o'clock".</summary>
    private TimexHit? Time(int i)
    {
        int hour = -1, minute = 0, end;
        if (PlainNumber(i) && _atoms[i].Digits <= 2 && Is(i + 1, ":") && Glued(i + 1) && PlainNumber(i + 2) && Glued(i + 2) && _atoms[i + 2].Digits == 2)
        {
            hour = (int)Digits(i);
            minute = (int)Digits(i + 2);
            end = i + 3;

            // Seconds: "14:48:10".
            if (Is(end, ":") && Glued(end) && PlainNumber(end + 1) && Glued(end + 1) && _atoms[end + 1].Digits == 2)
            {
                end += 2;
            }

            // "3:1" scores and "2:30" ratios lack a meridiem or zone; times in news usually have one or stand after "at".
            if (Class(end) != WordClass.Meridiem && Class(end) != WordClass.Zone && !IsAny(i - 1, "at", "by", "until", "till", "from", "around", "about", "after", "before", "since") && !(Is(end, "local") && Is(end + 1, "time")) && !IsAny(end, "hours", "hrs", "h"))
            {
                return null;
            }
        }
        else if (PlainNumber(i) && _atoms[i].Digits == 4 && (Class(i + 1) == WordClass.Zone || IsAny(i + 1, "hours", "hrs", "GMT", "UTC")) && !Glued(i + 1))
        {
            hour = (int)(Digits(i) / 100);
            minute = (int)(Digits(i) % 100);
            end = i + 1;
            if (IsAny(end, "hours", "hrs"))
            {
                end++;
            }
        }
        else if (PlainNumber(i) && _atoms[i].Digits <= 2 && (Class(i + 1) == WordClass.Meridiem || (Is(i + 1, "o'clock"))))
        {
            hour = (int)Digits(i);
            end = i + 1;
        }
        else if (Class(i) == WordClass.Number && _atoms[i].Word.Value is >= 1 and <= 12 && Is(i + 1, "o'clock"))
        {
            hour = _atoms[i].Word.Value;
            end = i + 2;
        }
        else if (Class(i) == WordClass.PartOfDay && _atoms[i].Word.Code!.StartsWith('T') && IsAny(i - 1, "at", "by", "until", "till", "before", "after", "around", "from", "since", "past", "to"))
        {
            var code = _atoms[i].Word.Code!;
            return new TimexHit(i, i + 1, new TimexMeaning
            {
                Kind = MeaningKind.Time, Type = "TIME",
                Hour = int.Parse(code.AsSpan(1, 2), CultureInfo.InvariantCulture), Minute = int.Parse(code.AsSpan(4, 2), CultureInfo.InvariantCulture),
            });
        }
        else
        {
            return null;
        }

        if (Class(end) == WordClass.Meridiem)
        {
            int add = _atoms[end].Word.Value;
            if (hour is < 1 or > 12)
            {
                return null;
            }

            hour = hour % 12 + add;
            end++;
        }
        else if (Is(end, "o'clock"))
        {
            end++;
        }

        if (hour > 24 || minute > 59)
        {
            return null;
        }

        string? zone = null;
        if (Class(end) == WordClass.Zone)
        {
            zone = _atoms[end].Word.Code;
            end++;

            // "(GMT +8)" and "GMT+3" offsets are read but not converted.
            if (IsAny(end, "+", "-") && PlainNumber(end + 1))
            {
                end += 2;
            }
        }
        else if (Is(end, "local") && Is(end + 1, "time"))
        {
            end += 2;
        }

        // "(GMT +8)", "(UTC)": a zone in brackets belongs to the time; the offset is not converted.
        if (Is(end, "(") && Class(end + 1) == WordClass.Zone)
        {
            int close = end + 2;
            if (IsAny(close, "+", "-") && PlainNumber(close + 1))
            {
                close += 2;
            }

            if (Is(close, ")"))
            {
                zone ??= Is(close - 1, ")") || close == end + 2 ? _atoms[end + 1].Word.Code : null;
                end = close + 1;
            }
        }

        return new TimexHit(i, end, new TimexMeaning { Kind = MeaningKind.Time, Type = "TIME", Hour = hour, Minute = minute, Zone = zone });
    }

    /// <summary>
    /// Joins a date and a time written side by side into one TIME: "12:00 UTC Monday", "Monday morning",
    /// "yesterday afternoon", "last night", "this morning".
    /// </summary>
    private TimexHit Combine(TimexHit hit)
    {
        var m = hit.Meaning;
        int end = hit.End;

        // A time followed by its day: "12:00 UTC Monday", "6 p.m. on Friday", "8 a.m. yesterday".
        if (m.Kind == MeaningKind.Time && m.Inner is null)
        {
            bool comma = Is(end, ",");
            int d = Is(end, "on") || (comma && !IsAny(end + 1, "on", "and")) ? end + 1 : end;
            var day = DayAt(d);
            if (day is { } dh)
            {
                // "16:15 UTC, June 1st" stays two expressions, the time on that date.
                var time = new TimexMeaning { Kind = MeaningKind.Time, Type = "TIME", Hour = m.Hour, Minute = m.Minute, Zone = m.Zone, Inner = dh.Meaning };
                return new TimexHit(hit.First, comma ? hit.End : dh.End, time);
            }

            return hit;
        }

        // "the same month a year ago", "the same quarter last year": the period a year before.
        if (m.Kind == MeaningKind.Relative && m.FromReference && m.Offset == 0 && m.Unit is TimeUnit.Month or TimeUnit.Quarter or TimeUnit.Week or TimeUnit.Day)
        {
            if (IsAny(end, "a", "one") && Is(end + 1, "year") && IsAny(end + 2, "ago", "earlier", "before"))
            {
                return new TimexHit(hit.First, end + 3, WithShift(m, -1));
            }

            if (Is(end, "last") && Is(end + 1, "year"))
            {
                return new TimexHit(hit.First, end + 2, WithShift(m, -1));
            }
        }

        // A day followed by a part of the day: "Monday morning", "yesterday afternoon", "Friday night".
        bool isDay = m.Kind is MeaningKind.Weekday || (m.Kind == MeaningKind.Relative && m.Unit == TimeUnit.Day && !m.FromReference)
            || (m.Kind == MeaningKind.Date && m.Day > 0);
        if (isDay && Class(end) == WordClass.PartOfDay && _atoms[end].Word.Code!.Length == 2)
        {
            return new TimexHit(hit.First, end + 1, new TimexMeaning { Kind = MeaningKind.Time, Type = "TIME", Code = _atoms[end].Word.Code, Inner = m });
        }

        return hit;
    }

    /// <summary>"this morning", "last night": a part of today or yesterday.</summary>
    private TimexHit? DayAt(int i)
    {
        if (!In(i))
        {
            return null;
        }

        var w = WeekdayRule(i);
        if (w is not null)
        {
            return w;
        }

        var e = ExplicitDate(i);
        if (e is not null)
        {
            return e;
        }

        if (IsAny(i, "today", "yesterday", "tomorrow"))
        {
            int offset = Is(i, "today") ? 0 : Is(i, "yesterday") ? -1 : 1;
            return new TimexHit(i, i + 1, new TimexMeaning { Kind = MeaningKind.Relative, Unit = TimeUnit.Day, Offset = offset });
        }

        return null;
    }

    /// <summary>"this morning", "this afternoon", "last night", "yesterday morning" (the last one through <see cref="Combine"/>).</summary>
    private TimexHit? PartOfDay(int i)
    {
        if (IsAny(i, "this", "last") && Class(i + 1) == WordClass.PartOfDay && _atoms[i + 1].Word.Code!.Length == 2)
        {
            if (Is(i, "last") && !Is(i + 1, "night"))
            {
                return null;
            }

            int offset = Is(i, "last") ? -1 : 0;
            return new TimexHit(i, i + 2, new TimexMeaning
            {
                Kind = MeaningKind.Time, Type = "TIME", Code = _atoms[i + 1].Word.Code,
                Inner = new TimexMeaning { Kind = MeaningKind.Relative, Unit = TimeUnit.Day, Offset = offset },
            });
        }

        return null;
    }
}
