using System.Globalization;
using Parley.Documents;
using Parley.Entities.Ner;
using Parley.Pipeline;

namespace Parley.Entities;

/// <summary>
/// Groups mentions into document-level entities and resolves each entity to a political actor.
/// <list type="bullet">
/// <item>Names: a person's shorter name joins the full one ("Lavrov" → "Sergei Lavrov"); places and organisations
/// join by what world knowledge resolves them to ("U.S.", "USA" → United States), else by spelling; an acronym joins
/// the organisation it abbreviates.</item>
/// <item>Nominals ("the Russian Minister") join the most recent person whose office and country fit; one with a
/// country and no fitting person becomes an entity of its own.</item>
/// <item>Pronouns join the most recent person of the right sex (known from given names and titles), looking first
/// back in the same sentence, then forward in it ("said in his turn, the head of ..."), then back up to six sentences.</item>
/// </list>
/// Actors come from the document's own words (titles, appositions, nationality adjectives, "of Russia"), from world
/// knowledge, and from an optional actor dictionary whose dated roles apply only when the document date lies inside them.
/// </summary>
public sealed class EntityLinker : IDocumentComponent
{
    private const int PronounWindowSentences = 6;

    private readonly IWorldKnowledge _knowledge;
    private readonly ActorDictionary? _dictionary;

    public EntityLinker(IWorldKnowledge? knowledge = null, ActorDictionary? dictionary = null)
    {
        _knowledge = knowledge ?? NoWorldKnowledge.Instance;
        _dictionary = dictionary;
    }

    public string Name => "entity-linker";

    public IReadOnlyList<string> Requires { get; } = [Layer.Mentions, Layer.Sentences, Layer.Tokens];

    public IReadOnlyList<string> Assigns { get; } = [Layer.Entities, Layer.Actors];

    private sealed class Cluster
    {
        public required string Type;
        public required string Key;
        public readonly List<int> Mentions = [];
        public readonly List<RolePhrase> Roles = [];

        /// <summary>The distinct names of a person, as words, for matching shorter forms against.</summary>
        public readonly List<string[]> Names = [];
        public KnownName? Known;
        public NameSex Sex;
    }

    /// <summary>How far (in mentions) a nominal or pronoun looks for its person: enough for any report, bounded for any input.</summary>
    private const int SearchWindowMentions = 200;

    public void Process(NewsDocument document)
    {
        document.Entities.Clear();
        var mentions = document.Mentions;
        foreach (var m in mentions)
        {
            m.Entity = -1;
        }

        var known = _knowledge.Find(document);
        var phrases = RolePhrases.Find(document, _knowledge, known);
        var clusters = new List<Cluster>();
        var clusterOf = new Cluster?[mentions.Count];

        // People's names first, longest first, so that "Lavrov" finds "Sergei Lavrov" wherever it stands.
        // Clusters are indexed by the first and last word of their names, so each name looks at few candidates.
        var personByWord = new Dictionary<string, List<Cluster>>(StringComparer.Ordinal);
        var titlesByEnd = new Dictionary<int, RolePhrase>();
        var phraseAt = new Dictionary<(int, int), RolePhrase>();
        foreach (var p in phrases)
        {
            titlesByEnd.TryAdd(p.EndToken, p);
            phraseAt.TryAdd((p.Start, p.End), p);
        }

        var personNames = Enumerable.Range(0, mentions.Count)
            .Where(i => mentions[i].Kind == MentionKind.Name && mentions[i].Type == "PER")
            .Select(i => (Index: i, Words: Words(document, mentions[i])))
            .OrderByDescending(p => p.Words.Length).ThenBy(p => p.Index).ToList();
        foreach (var (i, words) in personNames)
        {
            var cluster = FindPerson(personByWord, words);
            if (cluster is null)
            {
                cluster = new Cluster { Type = "PER", Key = string.Join(' ', words) };
                clusters.Add(cluster);
            }

            if (!cluster.Names.Any(n => n.AsSpan().SequenceEqual(words)))
            {
                cluster.Names.Add(words);
                foreach (var w in new[] { words[0], words[^1] })
                {
                    if (!personByWord.TryGetValue(w, out var list))
                    {
                        personByWord[w] = list = [];
                    }

                    if (!list.Contains(cluster))
                    {
                        list.Add(cluster);
                    }
                }
            }

            Assign(cluster, i);
            AddTitles(document, i, titlesByEnd, phraseAt, cluster);
        }

        // Other names: a single word that is a person's surname is that person (the recogniser may have typed it wrongly).
        var byKey = new Dictionary<string, Cluster>(StringComparer.Ordinal);
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Kind != MentionKind.Name || m.Type == "PER")
            {
                continue;
            }

            var words = Words(document, m);
            if (m.Type != "NORP" && words.Length == 1 && FindPerson(personByWord, words) is { } person && person.Names.Any(n => n.Length > 1))
            {
                m.Type = "PER";
                Assign(person, i);
                continue;
            }

            var k = KnownFor(known, m);
            string key = (m.Type == "NORP" ? "N|" : "O|") + (k is not null ? "K:" + k.Kind + ":" + k.Code + ":" + k.Canonical : "S:" + SurfaceKey(document, m));
            if (!byKey.TryGetValue(key, out var cluster))
            {
                cluster = new Cluster { Type = m.Type, Key = key, Known = k };
                clusters.Add(cluster);
                byKey[key] = cluster;
            }

            Assign(cluster, i);
        }

        MergeAcronyms(document, clusters, clusterOf);
        MergeStrayPersons(document, clusters, clusterOf);

        // Descriptions and pronouns in text order, so that each can look back at what came before it.
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Kind == MentionKind.Nominal && phraseAt.TryGetValue((m.Start, m.Start + m.Length), out var phrase))
            {
                var cluster = Apposed(document, i, clusterOf) ?? FitNominal(document, i, phrase, clusterOf);
                if (cluster is null && phrase.Country is not null)
                {
                    cluster = new Cluster { Type = "PER", Key = "R:" + i };
                    clusters.Add(cluster);
                }

                if (cluster is not null)
                {
                    cluster.Roles.Add(phrase);
                    Assign(cluster, i);
                }
            }
        }

        for (int i = 0; i < mentions.Count; i++)
        {
            if (mentions[i].Kind == MentionKind.Pronoun && ResolvePronoun(document, i, clusterOf) is { } cluster)
            {
                Assign(cluster, i);
            }
        }

        var date = DocumentDate(document);
        foreach (var cluster in clusters)
        {
            if (cluster.Mentions.Count == 0)
            {
                continue;
            }

            cluster.Mentions.Sort();
            var entity = new Entity
            {
                Id = document.Entities.Count,
                Type = MajorityType(cluster, mentions),
                Name = CanonicalName(document, cluster),
                Mentions = [.. cluster.Mentions],
            };
            entity.Actor = ResolveActor(document, cluster, entity, date);
            foreach (int mi in cluster.Mentions)
            {
                mentions[mi].Entity = entity.Id;
            }

            document.Entities.Add(entity);
        }

        void Assign(Cluster cluster, int mention)
        {
            cluster.Mentions.Add(mention);
            clusterOf[mention] = cluster;
            if (cluster.Type == "PER" && cluster.Sex == NameSex.Unknown && mentions[mention].Kind == MentionKind.Name)
            {
                cluster.Sex = SexOfName(document, mention);
            }
        }
    }

    private static string[] Words(NewsDocument d, Mention m)
    {
        var words = d.Text.Substring(m.Start, m.Length).Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 1 && words[^1] is "'s" or "’s")
        {
            words = words[..^1];
        }

        return words;
    }

    /// <summary>
    /// True when <paramref name="part"/> is the same name as <paramref name="whole"/> or its end ("Lavrov" of "Sergei
    /// Lavrov", "W. Bush" of "George W. Bush") or its start; a "name" with lower-case words ("Declaration of Kosovo")
    /// is not a person's name and contains no other.
    /// </summary>
    private static bool PartOfName(string[] whole, string[] part)
    {
        if (part.Length > whole.Length || whole.Any(w => w.Length > 0 && char.IsLower(w[0])))
        {
            return false;
        }

        bool suffix = true, prefix = true;
        for (int k = 0; k < part.Length; k++)
        {
            suffix &= whole[whole.Length - part.Length + k] == part[k];
            prefix &= whole[k] == part[k];
        }

        return suffix || prefix;
    }

    /// <summary>The person whose name this one is, or is part of: the most recently created candidate that fits.</summary>
    private static Cluster? FindPerson(Dictionary<string, List<Cluster>> personByWord, string[] words)
    {
        foreach (var w in new[] { words[^1], words[0] })
        {
            if (!personByWord.TryGetValue(w, out var candidates))
            {
                continue;
            }

            // The most recent candidates first; a bounded number, whatever the input.
            for (int k = candidates.Count - 1; k >= 0 && k >= candidates.Count - 64; k--)
            {
                var c = candidates[k];
                foreach (var name in c.Names)
                {
                    if (PartOfName(name, words))
                    {
                        return c;
                    }
                }
            }
        }

        return null;
    }

    private static string SurfaceKey(NewsDocument d, Mention m)
    {
        string s = d.Text.Substring(m.Start, m.Length).ToLowerInvariant();
        if (s.StartsWith("the ", StringComparison.Ordinal))
        {
            s = s[4..];
        }

        return s.Replace(".", "", StringComparison.Ordinal);
    }

    /// <summary>The longest known name overlapping the mention; <paramref name="known"/> is in text order and disjoint.</summary>
    private static KnownName? KnownFor(IReadOnlyList<KnownName> known, Mention m)
    {
        int lo = 0, hi = known.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (known[mid].End <= m.Start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        KnownName? best = null;
        for (int i = lo; i < known.Count && known[i].Start < m.Start + m.Length; i++)
        {
            if (best is null || known[i].Length > best.Length)
            {
                best = known[i];
            }
        }

        return best;
    }

    private static NameSex SexOfName(NewsDocument d, int mention)
    {
        var m = d.Mentions[mention];
        var words = Words(d, m);
        var sex = GivenNameLexicon.SexOf(words[0]);
        if (sex != NameSex.Unknown)
        {
            return sex;
        }

        // A title just before the name: "Mr. Lavrov", "Mrs Clinton".
        int t = d.Tokens.FirstEndingAfter(m.Start) - 1;
        if (t >= 0)
        {
            string before = d.Token(t).Form.TrimEnd('.').ToLowerInvariant();
            return before switch
            {
                "mr" or "sir" or "lord" or "king" or "prince" => NameSex.Male,
                "mrs" or "ms" or "miss" or "lady" or "queen" or "princess" or "madam" => NameSex.Female,
                _ => NameSex.Unknown,
            };
        }

        return NameSex.Unknown;
    }

    private static NameSex SexOfPronoun(string word) => word.ToLowerInvariant() switch
    {
        "he" or "him" or "his" or "himself" => NameSex.Male,
        "she" or "her" or "hers" or "herself" => NameSex.Female,
        _ => NameSex.Unknown,
    };

    /// <summary>Role phrases that are this name's title (just before it) or apposition (", the Russian foreign minister,").</summary>
    private static void AddTitles(NewsDocument d, int mention, Dictionary<int, RolePhrase> titlesByEnd, Dictionary<(int, int), RolePhrase> phraseAt, Cluster cluster)
    {
        var m = d.Mentions[mention];
        var range = d.Tokens.Within(m.Span);
        int first = range.Start.Value, end = range.End.Value;
        if (titlesByEnd.TryGetValue(first, out var title))
        {
            cluster.Roles.Add(title);
        }

        // An apposition: the nominal mention right after ", ".
        if (end + 1 < d.Tokens.Count && d.Token(end).Form == "," && mention + 1 < d.Mentions.Count)
        {
            var next = d.Mentions[mention + 1];
            if (next.Kind == MentionKind.Nominal && next.Start == d.Tokens[end + 1].Start && phraseAt.TryGetValue((next.Start, next.Start + next.Length), out var apposition))
            {
                cluster.Roles.Add(apposition);
            }
        }
    }

    /// <summary>The person a nominal stands in apposition to: "Sergei Lavrov, the Russian foreign minister".</summary>
    private static Cluster? Apposed(NewsDocument d, int mention, Cluster?[] clusterOf)
    {
        var m = d.Mentions[mention];
        int first = d.Tokens.Within(m.Span).Start.Value;
        if (first < 2 || d.Token(first - 1).Form != "," || mention == 0)
        {
            return null;
        }

        var before = d.Tokens[first - 2];
        var other = d.Mentions[mention - 1];
        return other.Kind == MentionKind.Name && other.Type == "PER" && other.Start + other.Length == before.Start + before.Length ? clusterOf[mention - 1] : null;
    }

    /// <summary>The most recent person before the nominal whose office and country fit it.</summary>
    private static Cluster? FitNominal(NewsDocument d, int mention, RolePhrase phrase, Cluster?[] clusterOf)
    {
        var seen = new HashSet<Cluster>();
        for (int j = mention - 1; j >= 0 && j >= mention - SearchWindowMentions; j--)
        {
            var c = clusterOf[j];
            if (c is null || c.Type != "PER" || c.Roles.Count == 0 || !seen.Add(c))
            {
                continue;
            }

            bool fits = c.Roles.Any(r => Roles.Compatible(phrase.Role, r.Role) && (phrase.Country is null || r.Country is null || r.Country == phrase.Country));
            bool countryClash = phrase.Country is not null && c.Roles.Any(r => r.Country is not null && r.Country != phrase.Country);
            if (fits && !countryClash)
            {
                return c;
            }
        }

        return null;
    }

    private static Cluster? ResolvePronoun(NewsDocument d, int mention, Cluster?[] clusterOf)
    {
        var p = d.Mentions[mention];
        var sex = SexOfPronoun(d.Text.Substring(p.Start, p.Length));
        int sentence = d.SentenceAt(p.Start);
        bool Fits(Cluster? c) => c is not null && c.Type == "PER" && (c.Sex == NameSex.Unknown || sex == NameSex.Unknown || c.Sex == sex);

        int low = Math.Max(0, mention - SearchWindowMentions), high = Math.Min(d.Mentions.Count, mention + SearchWindowMentions);

        // Back in the same sentence and up to the window, nearest first.
        for (int j = mention - 1; j >= low; j--)
        {
            var other = d.Mentions[j];
            int s = d.SentenceAt(other.Start);
            if (sentence >= 0 && s >= 0 && sentence - s > PronounWindowSentences)
            {
                break;
            }

            if (s == sentence && other.Kind != MentionKind.Pronoun && Fits(clusterOf[j]))
            {
                return clusterOf[j];
            }

            if (s != sentence)
            {
                break;
            }
        }

        // Forward in the same sentence: "said in his turn, the head of the Russian foreign Ministry".
        for (int j = mention + 1; j < high; j++)
        {
            var other = d.Mentions[j];
            if (d.SentenceAt(other.Start) != sentence)
            {
                break;
            }

            if (other.Kind != MentionKind.Pronoun && Fits(clusterOf[j]))
            {
                return clusterOf[j];
            }
        }

        for (int j = mention - 1; j >= low; j--)
        {
            var other = d.Mentions[j];
            int s = d.SentenceAt(other.Start);
            if (sentence >= 0 && s >= 0 && sentence - s > PronounWindowSentences)
            {
                break;
            }

            if (s != sentence && Fits(clusterOf[j]))
            {
                return clusterOf[j];
            }
        }

        return null;
    }

    /// <summary>Joins an all-capitals organisation name to the organisation whose initials it spells ("SCO").</summary>
    private static void MergeAcronyms(NewsDocument d, List<Cluster> clusters, Cluster?[] clusterOf)
    {
        var byInitials = new Dictionary<string, Cluster>(StringComparer.Ordinal);
        foreach (var c in clusters)
        {
            if (c.Type == "ORG" && c.Mentions.Count > 0)
            {
                string initials = Initials(CanonicalName(d, c));
                if (initials.Length >= 2)
                {
                    byInitials.TryAdd(initials, c);
                }
            }
        }

        foreach (var acronym in clusters)
        {
            if (acronym.Type != "ORG" || acronym.Known is not null || acronym.Mentions.Count == 0)
            {
                continue;
            }

            string text = CanonicalName(d, acronym).Replace(".", "", StringComparison.Ordinal);
            if (text.Length < 2 || !text.All(char.IsUpper) || !byInitials.TryGetValue(text, out var full) || full == acronym || full.Mentions.Count == 0)
            {
                continue;
            }

            MoveMentions(acronym, full, clusterOf);
        }
    }

    private static void MoveMentions(Cluster from, Cluster to, Cluster?[] clusterOf)
    {
        foreach (int j in from.Mentions)
        {
            to.Mentions.Add(j);
            clusterOf[j] = to;
        }

        from.Mentions.Clear();
    }

    /// <summary>
    /// A one-word "person" spelt like a place or organisation named elsewhere in the document ("Moscow") is that
    /// place or organisation: the recogniser typed it wrongly.
    /// </summary>
    private static void MergeStrayPersons(NewsDocument d, List<Cluster> clusters, Cluster?[] clusterOf)
    {
        var places = new Dictionary<string, Cluster>(StringComparer.Ordinal);
        foreach (var c in clusters)
        {
            if (c.Type is "LOC" or "ORG")
            {
                foreach (int j in c.Mentions)
                {
                    places.TryAdd(SurfaceKey(d, d.Mentions[j]), c);
                }
            }
        }

        foreach (var person in clusters)
        {
            if (person.Type != "PER" || person.Mentions.Count == 0 || person.Key.Contains(' ') || person.Names.Any(n => n.Length > 1)
                || !places.TryGetValue(person.Key.ToLowerInvariant(), out var place))
            {
                continue;
            }

            foreach (int j in person.Mentions)
            {
                d.Mentions[j].Type = place.Type;
            }

            MoveMentions(person, place, clusterOf);
        }
    }

    private static string Initials(string name) =>
        string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w is not ("of" or "the" or "and" or "for") && char.IsUpper(w[0])).Select(w => w[0]));

    private static string MajorityType(Cluster cluster, List<Mention> mentions)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (int j in cluster.Mentions)
        {
            if (mentions[j].Kind == MentionKind.Name)
            {
                counts[mentions[j].Type] = counts.GetValueOrDefault(mentions[j].Type) + 1;
            }
        }

        return counts.Count == 0 ? cluster.Type : counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
    }

    /// <summary>The longest name (a person's full name); for known places and organisations, world knowledge's name; else the description.</summary>
    private static string CanonicalName(NewsDocument d, Cluster cluster)
    {
        if (cluster.Known is { Kind: not KnownKind.Government } known)
        {
            return known.Canonical;
        }

        string? best = null;
        int bestWords = 0;
        foreach (int j in cluster.Mentions)
        {
            var m = d.Mentions[j];
            if (m.Kind != MentionKind.Name)
            {
                continue;
            }

            var words = Words(d, m);
            if (words.Length > bestWords)
            {
                best = string.Join(' ', words);
                bestWords = words.Length;
            }
        }

        if (best is not null)
        {
            return best.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? best[4..] : best;
        }

        var first = d.Mentions[cluster.Mentions[0]];
        string text = d.Text.Substring(first.Start, first.Length);
        foreach (var det in new[] { "the ", "a ", "an ", "this ", "that " })
        {
            if (text.StartsWith(det, StringComparison.OrdinalIgnoreCase))
            {
                return text[det.Length..];
            }
        }

        return text;
    }

    private Actor? ResolveActor(NewsDocument d, Cluster cluster, Entity entity, DateOnly? date)
    {
        var actor = new Actor();
        var evidence = new List<string>();
        if (cluster.Type == "PER")
        {
            var best = cluster.Roles.Where(r => Roles.SectorOf(r.Role) is not null)
                .OrderByDescending(r => r.Role.Split(' ').Length).ThenBy(r => r.Start).FirstOrDefault();
            if (best is not null)
            {
                actor.Role = best.Role;
                if (Roles.SectorOf(best.Role) is { } sector)
                {
                    actor.Sectors.Add(sector);
                }

                evidence.Add("context");
            }

            actor.Country = cluster.Roles.Select(r => r.Country).FirstOrDefault(c => c is not null);
        }
        else if (cluster.Known is { } k)
        {
            actor.Country = k.Country;
            actor.Code = k.Code;
            if (k.Sector is not null)
            {
                actor.Sectors.Add(k.Sector);
            }

            evidence.Add("gazetteer");
        }

        if (_dictionary is not null && FindInDictionary(d, cluster, entity) is { } entry && ActorDictionary.CodeOn(entry, date) is { } code)
        {
            // A role dated to cover the document is the best evidence; an undated one yields to what the text says.
            bool contextSector = actor.Sectors.Count > 0;
            string? country = code.Code.Length >= 3 && !code.Code.StartsWith("IGO", StringComparison.Ordinal) ? code.Code[..3] : null;
            actor.Country ??= country;
            if (!code.Undated || !contextSector)
            {
                actor.Code = code.Code;
                var sectors = new List<string>();
                if (code.Code.StartsWith("IGO", StringComparison.Ordinal))
                {
                    sectors.Add("IGO");
                }

                for (int s = 3; s + 3 <= code.Code.Length; s += 3)
                {
                    sectors.Add(code.Code.Substring(s, 3));
                }

                foreach (var sector in actor.Sectors)
                {
                    if (!sectors.Contains(sector))
                    {
                        sectors.Add(sector);
                    }
                }

                actor.Sectors = sectors;
            }

            evidence.Add("dictionary:" + entry.File);
        }

        if (actor.Code is null && actor.Country is not null && actor.Sectors.Count > 0)
        {
            actor.Code = actor.Country + actor.Sectors[0];
        }
        else if (actor.Code is null && actor.Country is not null && cluster.Type != "PER")
        {
            actor.Code = actor.Country;
        }

        if (actor.Country is null && actor.Role is null && actor.Sectors.Count == 0 && actor.Code is null)
        {
            return null;
        }

        actor.Evidence = string.Join("; ", evidence);
        return actor;
    }

    private DictionaryActor? FindInDictionary(NewsDocument d, Cluster cluster, Entity entity)
    {
        if (_dictionary!.Find(entity.Name) is { } byName)
        {
            return byName;
        }

        foreach (int j in cluster.Mentions)
        {
            var m = d.Mentions[j];
            if (m.Kind == MentionKind.Name && _dictionary.Find(string.Join(' ', Words(d, m))) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The document's date: its publication date, else its dateline's when the year is known.</summary>
    public static DateOnly? DocumentDate(NewsDocument d)
    {
        if (d.Metadata.Published is { Length: >= 10 } published
            && DateOnly.TryParseExact(published[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var p))
        {
            return p;
        }

        if (d.Metadata.Dateline is { Year: { } y, Month: { } mo } dl && mo is >= 1 and <= 12)
        {
            int day = dl.Day is { } dd && dd >= 1 && dd <= DateTime.DaysInMonth(y, mo) ? dd : 1;
            return new DateOnly(y, mo, day);
        }

        return null;
    }
}
