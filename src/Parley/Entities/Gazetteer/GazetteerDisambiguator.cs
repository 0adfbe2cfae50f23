namespace Parley.Entities.Gazetteer;

/// <summary>A candidate with its context score and the evidence for it.</summary>
public sealed record ScoredCandidate(GazetteerEntry Entry, double Score, IReadOnlyList<string> Evidence);

/// <summary>The reading chosen for one match, with the ranking it was chosen from.</summary>
public sealed class GazetteerResolution
{
    internal GazetteerResolution(GazetteerMatch match, IReadOnlyList<ScoredCandidate> ranking)
    {
        Match = match;
        Ranking = ranking;
        double total = 0;
        foreach (var c in ranking)
        {
            total += Math.Max(0, c.Score);
        }

        Confidence = total > 0 ? Math.Max(0, ranking[0].Score) / total : 1.0 / ranking.Count;
    }

    public GazetteerMatch Match { get; }

    /// <summary>The chosen entry.</summary>
    public GazetteerEntry Entry => Ranking[0].Entry;

    /// <summary>The chosen entry's share of the candidates' scores: 1 when unambiguous.</summary>
    public double Confidence { get; }

    /// <summary>Every candidate, best first.</summary>
    public IReadOnlyList<ScoredCandidate> Ranking { get; }

    /// <summary>Why the chosen entry won (empty when it won by default order alone).</summary>
    public IReadOnlyList<string> Evidence => Ranking[0].Evidence;

    public override string ToString() => $"{Match.Surface} → {Entry} ({Confidence:P0}{(Evidence.Count > 0 ? "; " + string.Join("; ", Evidence) : "")})";
}

/// <summary>
/// Chooses between the readings of an ambiguous gazetteer match from its context, with the evidence written
/// down so that a later stage (or a person) can check it:
/// <list type="bullet">
/// <item>Government metonymy: a capital or seat of government followed by a verb of saying or wanting
/// ("Moscow said", "Washington hopes"), by a possessive and a policy noun ("Washington's desire"), or standing
/// in "relations with Moscow" or "Moscow and Washington" is the government (RUSGOV, USAGOV); after a place
/// preposition ("in Moscow") or before "'s streets" it is the city.</item>
/// <item>Country against subdivision ("Georgia", "Punjab", "Victoria"): the other places of the document vote.
/// A city or region of the country itself, or its nationality adjective, counts most (Tbilisi, South Ossetia,
/// "Georgian"); countries of the same region count a little (Russia, Armenia for the Caucasus). For a subdivision,
/// places inside it count most (Atlanta for US-GA), other places inside its country a little, and domestic
/// politics words ("governor", "county", "Republican") add to it. Mentions of the whole country (the "U.S.")
/// do not count for a subdivision: they fit both readings.</item>
/// </list>
/// With no evidence the gazetteer's default order decides (a sovereign state before a subdivision, a city before
/// its government).
/// </summary>
public static class GazetteerDisambiguator
{
    private static readonly HashSet<string> GovernmentVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "say", "hopes", "hoped", "hope", "demands", "demanded", "demand", "wants", "wanted", "warned", "warns",
        "insists", "insisted", "believes", "believed", "accused", "accuses", "rejected", "rejects", "denied", "denies",
        "announced", "announces", "claims", "claimed", "urged", "urges", "called", "calls", "considers", "considered",
        "fears", "feared", "expects", "expected", "agreed", "agrees", "refused", "refuses", "threatened", "threatens",
        "responded", "reacted", "condemned", "condemns", "welcomed", "welcomes", "imposed", "imposes", "decided", "plans",
        "planned", "intends", "intended", "seeks", "sought", "signalled", "signaled", "offered", "offers", "proposed",
        "proposes", "recognised", "recognized", "supports", "supported", "opposes", "opposed", "vowed", "vows", "pledged",
        "promised", "promises", "retaliated", "insist", "argues", "argued", "maintains", "maintained", "stressed",
        "stresses", "criticised", "criticized", "blamed", "blames", "denounced", "hailed", "praised", "objected",
        "protested", "sanctioned", "recalled", "expelled", "suspended", "backed", "backs", "needs", "wishes", "would",
        "will", "should", "must", "cannot", "can't", "won't", "does", "did", "doesn't", "didn't", "is", "was", "addresses",
        "regards", "views", "sees", "saw", "continues", "remains", "takes", "took", "insisting", "saying",
    };

    private static readonly HashSet<string> Adverbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "also", "has", "have", "had", "still", "repeatedly", "now", "again", "already", "officially", "reportedly",
        "publicly", "previously", "long", "firmly", "strongly", "clearly", "further", "then", "later", "earlier",
    };

    private static readonly HashSet<string> PolicyNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "desire", "position", "positions", "policy", "policies", "stance", "decision", "decisions", "plan", "plans", "relations",
        "concerns", "concern", "support", "response", "approach", "demands", "demand", "refusal", "ally", "allies", "sanctions",
        "move", "moves", "proposal", "proposals", "efforts", "interests", "intentions", "claims", "accusations", "reaction",
        "stand", "view", "views", "insistence", "offer", "strategy", "actions", "pressure", "initiative", "objections",
        "leadership", "envoy", "ambassador", "representative", "partners", "partner", "policy-makers", "line", "opposition",
    };

    private static readonly HashSet<string> PlaceNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "streets", "street", "suburbs", "suburb", "mayor", "airport", "airports", "residents", "metro", "subway", "city",
        "centre", "center", "downtown", "outskirts", "neighbourhood", "neighborhood", "districts", "district", "police",
        "hotels", "hotel", "population", "skyline", "traffic", "zoo", "university", "museum", "marathon",
    };

    private static readonly HashSet<string> PlacePrepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "at", "near", "outside", "around", "across", "to", "into", "via", "inside", "through", "toward", "towards",
    };

    private static readonly HashSet<string> RelationNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "relations", "ties", "talks", "dialogue", "contacts", "negotiations", "rapprochement", "rift", "dispute", "tensions",
        "cooperation", "co-operation", "agreement", "deal", "partnership",
    };

    private static readonly string[] SubdivisionCues =
    [
        "governor", "Gov.", "county", "counties", "statehouse", "state legislature", "state senate", "state senator",
        "state's", "legislature", "province", "provincial", "oblast",
    ];

    private static readonly string[] UsDomesticCues =
    [
        "Republican", "Republicans", "Democrat", "Democrats", "Democratic", "GOP", "primary", "runoff", "congressional",
    ];

    private static readonly string[] CountryCues =
    [
        "former Soviet", "ex-Soviet", "breakaway", "embassy", "foreign minister", "foreign ministry", "sovereignty",
        "invasion", "separatist", "separatists", "NATO", "republic",
    ];

    /// <summary>Resolves every match of a document, using all of them as context.</summary>
    public static IReadOnlyList<GazetteerResolution> ResolveAll(string text, IReadOnlyList<GazetteerMatch> matches)
    {
        var result = new GazetteerResolution[matches.Count];
        var context = new DocumentContext(text, matches);
        for (int i = 0; i < matches.Count; i++)
        {
            result[i] = Resolve(context, i);
        }

        return result;
    }

    /// <summary>Resolves match <paramref name="index"/> using the other matches of the same text as context.</summary>
    public static GazetteerResolution Resolve(string text, IReadOnlyList<GazetteerMatch> matches, int index) =>
        Resolve(new DocumentContext(text, matches), index);

    private static GazetteerResolution Resolve(DocumentContext context, int index)
    {
        var match = context.Matches[index];
        var candidates = match.Candidates;
        var scored = new List<ScoredCandidate>(candidates.Count);
        if (candidates.Count == 1)
        {
            scored.Add(new ScoredCandidate(candidates[0], 1, []));
            return new GazetteerResolution(match, scored);
        }

        var local = LocalCues.Read(context.Text, match);
        for (int i = 0; i < candidates.Count; i++)
        {
            var entry = candidates[i];
            var evidence = new List<string>();

            // Default order as a weak prior: 1, 0.8, 0.6, ...
            double score = Math.Max(0.2, 1.0 - 0.2 * i);
            switch (entry.Kind)
            {
                case GazetteerKind.GovMetonym:
                    score += local.Government(evidence);
                    break;
                case GazetteerKind.City:
                    score += local.Place(evidence);
                    score += context.DomesticScore(entry, index, evidence) * 0.5;
                    break;
                case GazetteerKind.Region:
                    score += local.Place(evidence) * 0.5;
                    score += context.DomesticScore(entry, index, evidence);
                    break;
                case GazetteerKind.Country:
                    score += context.CountryScore(entry, index, evidence);
                    break;
            }

            scored.Add(new ScoredCandidate(entry, Math.Round(score, 3), evidence));
        }

        // Stable: equal scores keep the default order.
        var ranking = scored.Select((c, i) => (c, i)).OrderByDescending(x => x.c.Score).ThenBy(x => x.i).Select(x => x.c).ToList();
        return new GazetteerResolution(match, ranking);
    }

    /// <summary>What the other matches of the document say about countries and subdivisions.</summary>
    private sealed class DocumentContext
    {
        public DocumentContext(string text, IReadOnlyList<GazetteerMatch> matches)
        {
            Text = text;
            Matches = matches;
        }

        public string Text { get; }

        public IReadOnlyList<GazetteerMatch> Matches { get; }

        /// <summary>Evidence that a country reading is meant: its own places and people, then its neighbours.</summary>
        public double CountryScore(GazetteerEntry country, int self, List<string> evidence)
        {
            double own = 0, neighbours = 0;
            var regions = country.Regions;
            foreach (var (other, weight) in Others(self))
            {
                if (other.Country == country.Country && other.Kind is GazetteerKind.City or GazetteerKind.Region or GazetteerKind.Norp or GazetteerKind.GovMetonym)
                {
                    own += weight;
                    Note(evidence, $"mentions {other.Name} ({other.Country})");
                }
                else if (other.Kind == GazetteerKind.Country && other.Country != country.Country && Shares(regions, other.Regions))
                {
                    neighbours += weight;
                    Note(evidence, $"mentions {other.Name} (same region)");
                }
            }

            double cues = CueScore(CountryCues, evidence);
            return 3 * Math.Min(own, 3) + Math.Min(neighbours, 3) + cues;
        }

        /// <summary>Evidence that a subdivision or a non-capital city is meant: places inside it, then inside its country.</summary>
        public double DomesticScore(GazetteerEntry place, int self, List<string> evidence)
        {
            double inside = 0, sameCountry = 0;
            foreach (var (other, weight) in Others(self))
            {
                if (other.Kind is not (GazetteerKind.City or GazetteerKind.Region) || other.Country != place.Country || other.IsCapital)
                {
                    continue;
                }

                if (place.Subdivision is not null && other.Subdivision == place.Subdivision)
                {
                    inside += weight;
                    Note(evidence, $"mentions {other.Name} ({other.Subdivision})");
                }
                else
                {
                    sameCountry += weight;
                    Note(evidence, $"mentions {other.Name} (also in {other.Country})");
                }
            }

            double cues = place.Kind == GazetteerKind.Region ? CueScore(SubdivisionCues, evidence) : 0;
            if (place.Country == "USA" && place.Kind == GazetteerKind.Region)
            {
                cues += CueScore(UsDomesticCues, evidence);
            }

            return 3 * Math.Min(inside, 3) + Math.Min(sameCountry, 3) + cues;
        }

        /// <summary>
        /// The default readings of the other matches whose country is certain (all their candidates agree on it);
        /// ambiguous ones would vote for themselves. Other mentions of the same name are left out.
        /// </summary>
        private IEnumerable<(GazetteerEntry Entry, double Weight)> Others(int self)
        {
            string surface = Matches[self].Surface;
            foreach (var m in Matches)
            {
                if (ReferenceEquals(m, Matches[self]) || m.Surface == surface || m.Case == MatchCase.Relaxed || !OneCountry(m))
                {
                    continue;
                }

                yield return (m.Candidates[0], 1.0);
            }
        }

        private static bool OneCountry(GazetteerMatch m)
        {
            string? country = m.Candidates[0].Country;
            for (int i = 1; i < m.Candidates.Count; i++)
            {
                if (m.Candidates[i].Country != country)
                {
                    return false;
                }
            }

            return true;
        }

        private double CueScore(string[] cues, List<string> evidence)
        {
            double score = 0;
            foreach (var cue in cues)
            {
                int at = Text.IndexOf(cue, StringComparison.Ordinal);
                if (at >= 0 && IsWholeWord(Text, at, cue.Length))
                {
                    score += 0.75;
                    Note(evidence, $"'{cue}' in the text");
                }
            }

            return Math.Min(score, 3);
        }

        private static bool Shares(IReadOnlyList<string> a, IReadOnlyList<string> b)
        {
            foreach (var x in a)
            {
                foreach (var y in b)
                {
                    if (x == y)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static void Note(List<string> evidence, string what)
        {
            if (evidence.Count < 8 && !evidence.Contains(what))
            {
                evidence.Add(what);
            }
        }
    }

    private static bool IsWholeWord(string text, int at, int length) =>
        (at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (at + length >= text.Length || !char.IsLetterOrDigit(text[at + length]));

    /// <summary>The words right around a match that tell a city from its government.</summary>
    private readonly struct LocalCues
    {
        private readonly string? _previous;
        private readonly string? _beforePrevious;
        private readonly bool _possessive;
        private readonly string? _afterPossessive;
        private readonly string? _nextVerb;
        private readonly bool _coordinated;

        private LocalCues(string? previous, string? beforePrevious, bool possessive, string? afterPossessive, string? nextVerb, bool coordinated)
        {
            _previous = previous;
            _beforePrevious = beforePrevious;
            _possessive = possessive;
            _afterPossessive = afterPossessive;
            _nextVerb = nextVerb;
            _coordinated = coordinated;
        }

        public static LocalCues Read(string text, GazetteerMatch match)
        {
            var before = Words.Before(text, match.Start, 2);
            var after = Words.After(text, match.End, 5);
            bool possessive = after.Count > 0 && after[0] is "'s" or "’s" or "'" or "’";
            string? afterPossessive = possessive && after.Count > 1 ? after[1] : null;

            // The verb after the name, skipping adverbs and auxiliaries ("Moscow has repeatedly said").
            string? verb = null;
            if (!possessive)
            {
                foreach (var w in after)
                {
                    if (Adverbs.Contains(w))
                    {
                        continue;
                    }

                    if (GovernmentVerbs.Contains(w))
                    {
                        verb = w;
                    }

                    break;
                }

                if (verb is null && after.Count > 0 && after[0] is "has" or "had")
                {
                    verb = after[0];
                }
            }

            // "Moscow and Washington", "between Washington and Moscow".
            bool coordinated = (after.Count > 1 && after[0] is "and" or "&" && char.IsUpper(after[1][0]))
                || (before.Count > 0 && before[^1] is "and" or "&");
            string? previous = before.Count > 0 ? before[^1] : null;
            string? beforePrevious = before.Count > 1 ? before[^2] : null;
            return new LocalCues(previous, beforePrevious, possessive, afterPossessive, verb, coordinated);
        }

        public double Government(List<string> evidence)
        {
            double score = 0;
            if (_nextVerb is not null)
            {
                score += 3;
                evidence.Add($"followed by '{_nextVerb}'");
            }

            if (_afterPossessive is not null && PolicyNouns.Contains(_afterPossessive))
            {
                score += 3;
                evidence.Add($"possessive before '{_afterPossessive}'");
            }

            if (_previous is "with" or "between" or "and" && _beforePrevious is not null && RelationNouns.Contains(_beforePrevious))
            {
                score += 2.5;
                evidence.Add($"after '{_beforePrevious} {_previous}'");
            }

            if (_coordinated)
            {
                score += 1.5;
                evidence.Add("coordinated with another name");
            }

            return score;
        }

        public double Place(List<string> evidence)
        {
            double score = 0;
            if (_previous is not null && PlacePrepositions.Contains(_previous))
            {
                score += 3;
                evidence.Add($"after '{_previous}'");
            }

            if (_afterPossessive is not null && PlaceNouns.Contains(_afterPossessive))
            {
                score += 3;
                evidence.Add($"possessive before '{_afterPossessive}'");
            }

            return score;
        }
    }

    /// <summary>Plain word scanning around a match, in the same line.</summary>
    private static class Words
    {
        public static List<string> After(string text, int offset, int count)
        {
            var words = new List<string>(count);
            int i = offset;
            while (words.Count < count && i < text.Length && text[i] != '\n')
            {
                char c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }

                int start = i;
                if (c is '\'' or '’' && i + 1 < text.Length && text[i + 1] is 's' or 'S' && (i + 2 >= text.Length || !char.IsLetter(text[i + 2])))
                {
                    i += 2;
                }
                else if (char.IsLetterOrDigit(c))
                {
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || (text[i] is '-' or '\'' or '’' && i + 1 < text.Length && char.IsLetter(text[i + 1]) && !(text[i + 1] is 's' && (i + 2 >= text.Length || !char.IsLetter(text[i + 2]))))))
                    {
                        i++;
                    }
                }
                else
                {
                    i++;
                }

                words.Add(text[start..i]);
            }

            return words;
        }

        public static List<string> Before(string text, int offset, int count)
        {
            var words = new List<string>(count);
            int i = offset - 1;
            while (words.Count < count && i >= 0 && text[i] != '\n')
            {
                if (char.IsWhiteSpace(text[i]))
                {
                    i--;
                    continue;
                }

                int end = i + 1;
                if (char.IsLetterOrDigit(text[i]))
                {
                    while (i >= 0 && (char.IsLetterOrDigit(text[i]) || text[i] == '-'))
                    {
                        i--;
                    }
                }
                else
                {
                    i--;
                }

                words.Insert(0, text[(i + 1)..end]);
            }

            return words;
        }
    }
}
