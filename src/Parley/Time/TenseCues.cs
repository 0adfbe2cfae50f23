namespace Parley.Time;

/// <summary>
/// Guesses whether a sentence speaks of the past or the future around a temporal expression, from words alone
/// (no part-of-speech tags): auxiliaries ("will", "was"), irregular past forms ("took", "met"), "-ed" verbs
/// (unless a modal makes them future: "will be held", "may be signed"), and present-tense verbs of scheduling
/// ("opens", "ends"), reported as <see cref="Direction.Same"/>: the nearest date either way. The nearest cue wins, looking left first. Used to place "Friday" or "March 27" before or after
/// the document date.
/// </summary>
internal static class TenseCues
{
    private static readonly HashSet<string> Future = new(StringComparer.OrdinalIgnoreCase)
    {
        "will", "'ll", "’ll", "shall", "wo", "going", "upcoming", "scheduled", "planned", "plans", "plan", "expected", "expects",
        "due", "would", "forthcoming", "intends", "intend", "set", "slated", "hopes", "hope", "aims", "next",
    };

    private static readonly HashSet<string> Past = new(StringComparer.OrdinalIgnoreCase)
    {
        "was", "were", "had", "did", "said", "told", "took", "met", "held", "began", "came", "went", "gave", "made", "saw", "found",
        "left", "became", "brought", "kept", "fell", "rose", "won", "lost", "sent", "spent", "paid", "sold", "built", "struck",
        "led", "fled", "flew", "spoke", "wrote", "broke", "chose", "drove", "ran", "sat", "stood", "thought", "bought", "caught",
        "fought", "taught", "felt", "heard", "meant", "knew", "grew", "threw", "drew", "shot", "hid", "forgot", "got", "sought",
        "ago", "earlier", "previously", "yesterday", "began", "dropped", "hit", "killed", "been", "wounded", "arrived",
        "returned", "signed", "ended", "died", "took", "overtook", "withdrew", "swore", "sank", "shut", "cut", "quit", "bid",
        "ordered", "announced", "reported", "posted", "closed", "opened",
    };

    /// <summary>Present-tense verbs of scheduling: "Voting ends Friday", "The summit opens on Monday" speak of the days ahead.</summary>
    private static readonly HashSet<string> Scheduled = new(StringComparer.OrdinalIgnoreCase)
    {
        "begins", "starts", "opens", "closes", "ends", "meets", "resumes", "arrives", "visits", "travels", "heads", "votes",
        "kicks", "convenes", "gathers", "takes", "expires", "runs", "is", "are",
    };

    private static readonly HashSet<string> NotPast = new(StringComparer.OrdinalIgnoreCase)
    {
        "need", "speed", "indeed", "bed", "red", "seed", "feed", "united", "proceed", "exceed", "succeed", "hundred", "breed",
        "weed", "embed", "shed", "wed", "naked", "sacred", "wicked", "aged", "beloved", "limited", "expected", "scheduled",
        "planned", "based", "related", "unprecedented", "detailed", "advanced", "interested", "concerned", "so-called",
        "alleged", "supposed", "used", "armed", "red", "biased", "heated", "isolated", "skilled", "crowded", "talented",
    };

    /// <summary>The tense around atoms [first, end) of a sentence.</summary>
    public static Direction Estimate(string text, List<Atom> atoms, int first, int end)
    {
        // Left of the expression, nearest first, within the clause-ish window.
        for (int i = first - 1, seen = 0; i >= 0 && seen < 12; i--)
        {
            if (atoms[i].Kind != AtomKind.Word)
            {
                if (text[atoms[i].Start] is ';' or ':')
                {
                    break;
                }

                continue;
            }

            seen++;
            var d = Classify(text, atoms, i);
            if (d != Direction.Unknown)
            {
                return d;
            }
        }

        for (int i = end, seen = 0; i < atoms.Count && seen < 8; i++)
        {
            if (atoms[i].Kind != AtomKind.Word)
            {
                continue;
            }

            seen++;
            var d = Classify(text, atoms, i);
            if (d != Direction.Unknown)
            {
                return d;
            }
        }

        return Direction.Unknown;
    }

    private static Direction Classify(string text, List<Atom> atoms, int i)
    {
        var word = text.AsSpan(atoms[i].Start, atoms[i].End - atoms[i].Start);
        var lookup = Future.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.Contains(word))
        {
            // "going" only in "going to"; "set" only in "set to".
            if ((word.Equals("going", StringComparison.OrdinalIgnoreCase) || word.Equals("set", StringComparison.OrdinalIgnoreCase) || word.Equals("due", StringComparison.OrdinalIgnoreCase))
                && !(i + 1 < atoms.Count && text.AsSpan(atoms[i + 1].Start, atoms[i + 1].End - atoms[i + 1].Start).Equals("to", StringComparison.OrdinalIgnoreCase)))
            {
                return Direction.Unknown;
            }

            return Direction.Future;
        }

        if (Scheduled.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return Direction.Same;
        }

        bool past = Past.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)
            || (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal) && char.IsLower(word[0]) && !NotPast.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word));
        return past ? Participle(text, atoms, i) : Direction.Unknown;
    }

    /// <summary>
    /// A past form may be a participle: "will be held" and "is to be signed" look ahead, "is held" says nothing,
    /// "has met" and "was held" look back.
    /// </summary>
    private static Direction Participle(string text, List<Atom> atoms, int i)
    {
        for (int k = i - 1, seen = 0; k >= 0 && seen < 3; k--)
        {
            if (atoms[k].Kind != AtomKind.Word)
            {
                continue;
            }

            seen++;
            var w = text.AsSpan(atoms[k].Start, atoms[k].End - atoms[k].Start);
            if (w.Equals("will", StringComparison.OrdinalIgnoreCase) || w.Equals("shall", StringComparison.OrdinalIgnoreCase)
                || w.Equals("'ll", StringComparison.OrdinalIgnoreCase) || w.Equals("to", StringComparison.OrdinalIgnoreCase)
                || w.Equals("would", StringComparison.OrdinalIgnoreCase) || w.Equals("may", StringComparison.OrdinalIgnoreCase)
                || w.Equals("might", StringComparison.OrdinalIgnoreCase) || w.Equals("could", StringComparison.OrdinalIgnoreCase)
                || w.Equals("should", StringComparison.OrdinalIgnoreCase) || w.Equals("must", StringComparison.OrdinalIgnoreCase)
                || w.Equals("can", StringComparison.OrdinalIgnoreCase))
            {
                return Direction.Future;
            }

            if (w.Equals("is", StringComparison.OrdinalIgnoreCase) || w.Equals("are", StringComparison.OrdinalIgnoreCase)
                || w.Equals("am", StringComparison.OrdinalIgnoreCase) || w.Equals("being", StringComparison.OrdinalIgnoreCase))
            {
                return Direction.Unknown;
            }

            if (!w.Equals("be", StringComparison.OrdinalIgnoreCase) && !w.Equals("been", StringComparison.OrdinalIgnoreCase)
                && !w.Equals("not", StringComparison.OrdinalIgnoreCase) && !w.Equals("also", StringComparison.OrdinalIgnoreCase))
            {
                break;
            }
        }

        return Direction.Past;
    }
}
