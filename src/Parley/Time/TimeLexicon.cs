namespace Parley.Time;

/// <summary>What a word can mean in a temporal expression.</summary>
internal enum WordClass : byte
{
    None,
    Month,
    MonthAbbreviation,
    Weekday,
    WeekdayPlural,
    Unit,
    Number,
    Ordinal,
    Vague,
    Article,
    Modifier,
    Deictic,
    PartOfDay,
    Season,
    SetAdverb,
    Approximator,
    Direction,
    Reference,
    Zone,
    Meridiem,
    Boundary,
}

/// <summary>Calendar units, in the letters TIMEX3 durations use.</summary>
internal enum TimeUnit : byte
{
    None,
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// <summary>One lexicon entry: the word's class and its value (month number, weekday, count, unit...).</summary>
internal readonly record struct Word(WordClass Class, int Value = 0, TimeUnit Unit = TimeUnit.None, bool Plural = false, string? Code = null);

/// <summary>
/// The English words of dates, times and durations. Looked up without allocating, from a span of the text,
/// ignoring case (case is checked separately where it matters: "May", "March").
/// </summary>
internal static class TimeLexicon
{
    public static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    // Built after the tables above: static fields initialise in text order.
    private static readonly Dictionary<string, Word> Words = Build();
    private static readonly Dictionary<string, Word>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    public static Word Get(ReadOnlySpan<char> word) => Lookup.TryGetValue(word, out var w) ? w : default;

    private static Dictionary<string, Word> Build()
    {
        var d = new Dictionary<string, Word>(StringComparer.OrdinalIgnoreCase);
        for (int m = 0; m < 12; m++)
        {
            d[MonthNames[m]] = new Word(WordClass.Month, m + 1);
        }

        foreach (var (abbr, m) in new[] { ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12) })
        {
            d[abbr] = new Word(WordClass.MonthAbbreviation, m);
            d[abbr + "."] = new Word(WordClass.MonthAbbreviation, m);
        }

        string[] days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
        for (int i = 0; i < 7; i++)
        {
            d[days[i]] = new Word(WordClass.Weekday, i + 1);
            d[days[i] + "s"] = new Word(WordClass.WeekdayPlural, i + 1);
        }

        foreach (var (unit, singular, plural) in new (TimeUnit, string[], string[])[]
        {
            (TimeUnit.Second, ["second", "sec"], ["seconds", "secs"]),
            (TimeUnit.Minute, ["minute", "min"], ["minutes", "mins"]),
            (TimeUnit.Hour, ["hour", "hr"], ["hours", "hrs"]),
            (TimeUnit.Day, ["day"], ["days"]),
            (TimeUnit.Week, ["week"], ["weeks"]),
            (TimeUnit.Weekend, ["weekend"], ["weekends"]),
            (TimeUnit.Fortnight, ["fortnight"], ["fortnights"]),
            (TimeUnit.Month, ["month"], ["months"]),
            (TimeUnit.Quarter, ["quarter"], ["quarters"]),
            (TimeUnit.Year, ["year", "yr"], ["years", "yrs"]),
            (TimeUnit.Decade, ["decade"], ["decades"]),
            (TimeUnit.Century, ["century"], ["centuries"]),
        })
        {
            foreach (var f in singular)
            {
                d[f] = new Word(WordClass.Unit, 0, unit);
            }

            foreach (var f in plural)
            {
                d[f] = new Word(WordClass.Unit, 0, unit, Plural: true);
            }
        }

        string[] small = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
        for (int i = 0; i < small.Length; i++)
        {
            d[small[i]] = new Word(WordClass.Number, i);
        }

        string[] tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        for (int i = 0; i < tens.Length; i++)
        {
            d[tens[i]] = new Word(WordClass.Number, (i + 2) * 10);
        }

        d["hundred"] = new Word(WordClass.Number, 100);
        d["dozen"] = new Word(WordClass.Number, 12);
        d["a"] = new Word(WordClass.Article, 1);
        d["an"] = new Word(WordClass.Article, 1);
        d["the"] = new Word(WordClass.Article, 0);

        string[] ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
            "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"];
        for (int i = 0; i < ordinals.Length; i++)
        {
            // "second" is also a unit; the recogniser asks for the reading it needs.
            if (!d.ContainsKey(ordinals[i]))
            {
                d[ordinals[i]] = new Word(WordClass.Ordinal, i + 1);
            }
        }

        d["twenty-first"] = new Word(WordClass.Ordinal, 21);
        d["thirtieth"] = new Word(WordClass.Ordinal, 30);
        d["thirty-first"] = new Word(WordClass.Ordinal, 31);
        d["final"] = new Word(WordClass.Ordinal, -1);

        foreach (var v in new[] { "several", "few", "many", "some", "couple", "numerous", "multiple" })
        {
            d[v] = new Word(WordClass.Vague);
        }

        foreach (var (m, code) in new[]
        {
            ("this", "THIS"), ("last", "LAST"), ("next", "NEXT"), ("past", "PAST"), ("coming", "NEXT"), ("previous", "PREV"),
            ("following", "FOLLOW"), ("current", "THIS"), ("same", "SAME"), ("that", "THAT"), ("upcoming", "NEXT"),
            ("early", "EARLY"), ("late", "LATE"), ("mid", "MID"), ("earlier", "EARLIER"), ("later", "LATER"), ("recent", "RECENT"),
            ("prior", "PREV"), ("preceding", "PREV"), ("ensuing", "FOLLOW"), ("subsequent", "FOLLOW"), ("present", "THIS"),
        })
        {
            d[m] = new Word(WordClass.Modifier, Code: code);
        }

        foreach (var (w, code) in new[]
        {
            ("today", "D0"), ("yesterday", "D-1"), ("tomorrow", "D+1"), ("tonight", "TNI"), ("now", "PRESENT_REF"),
            ("currently", "PRESENT_REF"), ("presently", "PRESENT_REF"), ("nowadays", "PRESENT_REF"), ("recently", "PAST_REF"),
            ("lately", "PAST_REF"), ("overnight", "TNI"),
        })
        {
            d[w] = new Word(WordClass.Deictic, Code: code);
        }

        foreach (var (w, code) in new[] { ("morning", "MO"), ("afternoon", "AF"), ("evening", "EV"), ("night", "NI"), ("noon", "T12:00"), ("midday", "T12:00"), ("midnight", "T24:00") })
        {
            d[w] = new Word(WordClass.PartOfDay, Code: code);
        }

        foreach (var (w, code) in new[] { ("spring", "SP"), ("summer", "SU"), ("autumn", "FA"), ("fall", "FA"), ("winter", "WI") })
        {
            d[w] = new Word(WordClass.Season, Code: code);
        }

        foreach (var (w, code) in new[]
        {
            ("daily", "P1D"), ("weekly", "P1W"), ("monthly", "P1M"), ("annually", "P1Y"), ("yearly", "P1Y"), ("annual", "P1Y"),
            ("quarterly", "P3M"), ("hourly", "PT1H"), ("nightly", "P1D"), ("biweekly", "P2W"), ("biannual", "P6M"), ("semiannual", "P6M"),
        })
        {
            d[w] = new Word(WordClass.SetAdverb, Code: code);
        }

        foreach (var (w, code) in new[]
        {
            ("about", "APPROX"), ("around", "APPROX"), ("almost", "LESS_THAN"), ("nearly", "LESS_THAN"), ("roughly", "APPROX"),
            ("approximately", "APPROX"), ("over", "MORE_THAN"), ("some", "APPROX"), ("under", "LESS_THAN"), ("barely", "LESS_THAN"),
        })
        {
            // "some" is vague as a count ("some years") and approximate before a number ("some 20 years").
            if (w == "some")
            {
                continue;
            }

            d[w] = new Word(WordClass.Approximator, Code: code);
        }

        foreach (var (w, code) in new[] { ("ago", "AGO"), ("later", "LATER"), ("earlier", "EARLIER"), ("hence", "LATER"), ("before", "BEFORE"), ("after", "AFTER"), ("since", "SINCE") })
        {
            if (!d.ContainsKey(w))
            {
                d[w] = new Word(WordClass.Direction, Code: code);
            }
        }

        foreach (var (w, code) in new[] { ("utc", "Z"), ("gmt", "Z"), ("z", "Z") })
        {
            d[w] = new Word(WordClass.Zone, Code: code);
        }

        // Other zones are part of the expression but their offsets are not applied.
        foreach (var w in new[] { "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "pt", "bst", "cet", "cest", "eet", "eest", "msk", "jst", "ist", "aest", "hkt", "sgt" })
        {
            d[w] = new Word(WordClass.Zone, Code: "");
        }

        foreach (var (w, v) in new[] { ("am", 0), ("a.m.", 0), ("a.m", 0), ("pm", 12), ("p.m.", 12), ("p.m", 12) })
        {
            d[w] = new Word(WordClass.Meridiem, v);
        }

        foreach (var (w, code) in new[] { ("end", "END"), ("beginning", "START"), ("start", "START"), ("middle", "MID"), ("close", "END"), ("turn", "START") })
        {
            d[w] = new Word(WordClass.Boundary, Code: code);
        }

        return d;
    }

    /// <summary>The TIMEX3 letter of a unit in a duration ("Y", "M", "W", "D"; "H", "M", "S" after "T"; "DE", "CE").</summary>
    public static string DurationLetter(TimeUnit unit) => unit switch
    {
        TimeUnit.Second => "S",
        TimeUnit.Minute => "M",
        TimeUnit.Hour => "H",
        TimeUnit.Day => "D",
        TimeUnit.Week => "W",
        TimeUnit.Weekend => "WE",
        TimeUnit.Fortnight => "W",
        TimeUnit.Month => "M",
        TimeUnit.Quarter => "Q",
        TimeUnit.Year => "Y",
        TimeUnit.Decade => "DE",
        TimeUnit.Century => "CE",
        _ => "",
    };

    public static bool IsClockUnit(TimeUnit unit) => unit is TimeUnit.Second or TimeUnit.Minute or TimeUnit.Hour;
}
