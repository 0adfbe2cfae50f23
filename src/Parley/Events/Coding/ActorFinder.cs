using Parley.Documents;
using Parley.Events.Dictionaries;

namespace Parley.Events.Coding;

/// <summary>An actor already resolved by the entity layer, over words [Start, End) of a sentence.</summary>
public readonly record struct KnownActor(int Start, int End, string Code, int Entity);

/// <summary>
/// Finds actor phrases in a sentence: names from actor dictionaries or from the entity layer, combined with
/// agent nouns ("government", "troops") and joined into compounds ("Gondor and Osgiliath"). A phrase's code is
/// the actor's code followed by its agents' sector codes, as in CAMEO ("CAL" + "government" = "CALGOV"); an
/// agent with no actor gets the unknown country "---" ("a senior official" = "---GOV").
/// </summary>
public sealed class ActorFinder
{
    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "THE", "A", "AN", "ITS", "THEIR", "HIS", "HER", "THIS", "THAT", "THESE", "THOSE", "SOME", "SEVERAL", "MANY", "BOTH", "ALL",
    };

    private static readonly HashSet<string> Linkers = new(StringComparer.Ordinal) { "OF", "IN", "FROM" };

    private static readonly HashSet<string> Conjunctions = new(StringComparer.Ordinal) { "AND", ",", "OR", "NOR", "&" };

    private readonly ActorDictionary? _dictionary;

    public ActorFinder(ActorDictionary? dictionary) => _dictionary = dictionary;

    private enum Kind : byte { None, Actor, Agent, Glue, Former }

    private readonly record struct Match(Kind Kind, int Length, string? Code, bool Prefix, int Entity);

    /// <summary>The actor phrases of <paramref name="sentence"/> in text order; <paramref name="date"/> is yyyymmdd for dated codes.</summary>
    public List<ActorPhrase> Find(CodingSentence sentence, IReadOnlyList<KnownActor> known, int? date)
    {
        int n = sentence.Count;
        var matches = new Match[n];
        var words = sentence.Forms;

        foreach (var k in known)
        {
            if (k.Start >= 0 && k.End <= n && k.End > k.Start && matches[k.Start].Kind == Kind.None)
            {
                matches[k.Start] = new Match(Kind.Actor, k.End - k.Start, k.Code, false, k.Entity);
            }
        }

        if (_dictionary is not null)
        {
            for (int i = 0; i < n; i++)
            {
                var (actor, actorLength) = _dictionary.Actors.LongestAt(words, i);
                var (agent, agentLength) = _dictionary.Agents.LongestAt(words, i);
                if (actor is not null && actorLength >= agentLength && actorLength >= matches[i].Length)
                {
                    var code = actor.CodeOn(date);
                    // A null code ("---") names something that is not an actor: it still blocks shorter matches.
                    matches[i] = code is null or "---" ? new Match(Kind.Glue, actorLength, null, false, -1) : new Match(Kind.Actor, actorLength, code, false, -1);
                }
                else if (agent is not null && agentLength > matches[i].Length)
                {
                    matches[i] = new Match(Kind.Agent, agentLength, agent.Code, agent.Prefix, -1);
                }
            }
        }

        for (int i = 0; i < n; i++)
        {
            if (matches[i].Kind == Kind.None && words[i] is "FORMER" or "EX-")
            {
                matches[i] = new Match(Kind.Former, 1, null, false, -1);
            }
        }

        var phrases = new List<ActorPhrase>();
        int pos = 0;
        while (pos < n)
        {
            if (matches[pos].Kind is not (Kind.Actor or Kind.Agent))
            {
                pos++;
                continue;
            }

            pos = Group(sentence, matches, pos, phrases);
        }

        return phrases;
    }

    /// <summary>Collects the phrase that starts with the match at <paramref name="start"/>; returns where scanning resumes.</summary>
    private static int Group(CodingSentence sentence, Match[] matches, int start, List<ActorPhrase> phrases)
    {
        var words = sentence.Forms;
        int n = words.Length;
        var conjuncts = new List<Conjunct> { new() { Start = start } };
        int i = start;
        int end = start;
        bool pendingFormer = start > 0 && matches[start - 1].Kind == Kind.Former;
        while (i < n)
        {
            var m = matches[i];
            var current = conjuncts[^1];
            if (m.Kind is Kind.Actor or Kind.Agent)
            {
                // Two names side by side with nothing between them are two phrases ("with Iran Moscow addresses").
                if (m.Kind == Kind.Actor && i == end && i > start && current.Actors.Count > 0 && current.Actors[^1].End == i)
                {
                    break;
                }

                if (m.Kind == Kind.Actor)
                {
                    current.Actors.Add((m.Code!, m.Entity, i, i + m.Length));
                }
                else
                {
                    current.Agents.Add((m.Code!, m.Prefix));
                }

                if (pendingFormer)
                {
                    current.Former = true;
                    pendingFormer = false;
                }

                i += m.Length;
                end = i;
                continue;
            }

            if (m.Kind == Kind.Former)
            {
                pendingFormer = true;
                i++;
                continue;
            }

            // Possessives and modifiers between two parts of one phrase: "Gondor's main opposition group".
            int next = NextMatch(sentence, matches, i, current.Actors.Count > 0, out bool crossedConjunction, out bool crossedLinker);
            if (next < 0)
            {
                break;
            }

            if (crossedConjunction)
            {
                conjuncts.Add(new Conjunct { Start = next });
            }
            else if (crossedLinker)
            {
                current.Linked = true;
            }

            i = next;
        }

        var phrase = new ActorPhrase { Start = start, End = end };
        Compose(conjuncts, phrase);
        if (phrase.Codes.Count > 0)
        {
            phrases.Add(phrase);
        }

        return Math.Max(end, start + 1);
    }

    /// <summary>
    /// The next match that still belongs to the phrase, skipping possessive markers, determiners and modifiers (at
    /// most three words), a linking preposition ("of", "in", "from") or a conjunction; -1 when the phrase ends.
    /// </summary>
    private static int NextMatch(CodingSentence sentence, Match[] matches, int i, bool hasActor, out bool crossedConjunction, out bool crossedLinker)
    {
        crossedConjunction = false;
        crossedLinker = false;
        var words = sentence.Forms;
        int skipped = 0, modifiers = 0;
        for (int k = i; k < words.Length && skipped <= 6; k++)
        {
            if (matches[k].Kind is Kind.Actor or Kind.Agent)
            {
                // After "of", "in" or "from" only an agent still lacking its actor takes one ("soldiers from Gondor");
                // an actor followed by "in X" is placed somewhere, not compounded ("Osgiliath soldiers in south Ithilen").
                return crossedLinker && !crossedConjunction && (hasActor || matches[k].Kind != Kind.Actor) ? -1 : k;
            }

            var w = words[k];
            var upos = sentence.Words[k].Upos;
            if (w is "'S" or "'" or "’S" or "’")
            {
                skipped++;
                continue;
            }

            if (Conjunctions.Contains(w))
            {
                crossedConjunction = true;
                skipped++;
                continue;
            }

            if (Linkers.Contains(w) && !crossedConjunction)
            {
                crossedLinker = true;
                skipped++;
                continue;
            }

            if (Determiners.Contains(w) || matches[k].Kind == Kind.Former)
            {
                skipped++;
                continue;
            }

            // Without tags, only a short run of words that do not look like clause words may sit between parts.
            bool modifier = sentence.HasTags
                ? upos is UPos.ADJ or UPos.NOUN or UPos.PROPN or UPos.NUM
                : !IsClauseWord(w);
            if (modifier && modifiers < 3)
            {
                modifiers++;
                skipped++;
                continue;
            }

            return -1;
        }

        return -1;
    }

    /// <summary>Words that end a phrase when no tagger has run: verbs of the clause, auxiliaries, adverbs and prepositions.</summary>
    private static bool IsClauseWord(string w) => w is "IS" or "ARE" or "WAS" or "WERE" or "BE" or "BEEN" or "HAS" or "HAVE" or "HAD" or "WILL" or "WOULD"
        or "SHOULD" or "CAN" or "COULD" or "MAY" or "MIGHT" or "MUST" or "DID" or "DOES" or "DO" or "NOT" or "N'T" or "TO" or "WITH" or "ON" or "AT"
        or "BY" or "FOR" or "AGAINST" or "ABOUT" or "AFTER" or "BEFORE" or "OVER" or "INTO" or "TOWARD" or "TOWARDS" or "THAT" or "WHICH" or "WHO"
        or "WHEN" or "WHILE" or "SAID" or "SAYS" or "SAY" or "." or ";" or ":" or "\"" or "(" or ")" or "ALONG" or "THROUGH" or "ACROSS"
        or "UNDER" or "BETWEEN" or "AMONG" or "DURING" or "SINCE" or "UNTIL" or "WITHIN" or "WITHOUT" or "NEAR" or "AROUND" or "BEHIND" or "BEYOND"
        or "UPON" or "VIA" or "AS" or "THAN" or "IF" or "ALMOST" or "NOW" or "THEN" or "ALSO" or "AGAIN" or "VERY" or "IT" or "HE" or "SHE" or "THEY"
        or "WE" or "I" or "YOU" || w.EndsWith("ED", StringComparison.Ordinal)
        || w.EndsWith("ING", StringComparison.Ordinal) || w.EndsWith("LY", StringComparison.Ordinal);

    private sealed class Conjunct
    {
        public int Start { get; init; }

        public List<(string Code, int Entity, int Start, int End)> Actors { get; } = [];

        public List<(string Code, bool Prefix)> Agents { get; } = [];

        public bool Former { get; set; }

        public bool Linked { get; set; }
    }

    /// <summary>
    /// Turns conjuncts into member codes. A conjunct without an actor borrows the nearest one ("Danish media and
    /// government" = DNKMED, DNKGOV); a conjunct with several actors is a compound ("the Shire" = FRO/BIL/SAM).
    /// </summary>
    private static void Compose(List<Conjunct> conjuncts, ActorPhrase phrase)
    {
        // "The ambassadors of Arnor, Osgiliath and Gondor": the agent before "of" applies to every listed actor.
        var sharedAgents = conjuncts[0].Linked && conjuncts[0].Agents.Count > 0 ? conjuncts[0].Agents : null;
        for (int c = 0; c < conjuncts.Count; c++)
        {
            var conj = conjuncts[c];
            var actors = conj.Actors;
            var agents = conj.Agents.Count == 0 && c > 0 && sharedAgents is not null ? sharedAgents : conj.Agents;
            if (actors.Count == 0 && agents.Count > 0)
            {
                // "Danish media and government": the bare agent takes the nearest conjunct's actor, earlier first.
                var donor = conjuncts.Take(c).Reverse().Concat(conjuncts.Skip(c + 1)).FirstOrDefault(o => o.Actors.Count > 0);
                if (donor is not null)
                {
                    actors = [donor.Actors[0]];
                }
            }

            if (agents.Count == 0 && actors.Count == 0)
            {
                continue;
            }

            var bases = actors.Count == 0 ? [("---", -1, conj.Start, conj.Start + 1)] : actors;
            foreach (var (code, entity, start, end) in bases)
            {
                foreach (var member in code.Split('/', StringSplitOptions.RemoveEmptyEntries))
                {
                    var composed = ComposeCode(member.ToUpperInvariant(), agents, conj.Former);
                    int same = phrase.Codes.IndexOf(composed);
                    if (same < 0)
                    {
                        phrase.Codes.Add(composed);
                        phrase.Entities.Add(entity);
                        phrase.MemberSpans.Add((start, end));
                    }
                    else if (entity >= 0 && phrase.Entities[same] != entity && member.Equals(composed, StringComparison.OrdinalIgnoreCase)
                        && phrase.MemberSpans[same].Start >= conj.Start)
                    {
                        // "Russian foreign Minister Sergei Lavrov": RUS + GOV from the title and RUSGOV from the name
                        // are one member; the name, whose own code needs no agent, is who it is.
                        phrase.Entities[same] = entity;
                        phrase.MemberSpans[same] = (start, end);
                    }
                }
            }
        }
    }

    /// <summary>Actor code + agent codes, skipping a sector the code already carries; "former" makes the sector ELI.</summary>
    internal static string ComposeCode(string actor, List<(string Code, bool Prefix)> agents, bool former)
    {
        var prefix = new System.Text.StringBuilder();
        var suffix = new System.Text.StringBuilder();
        foreach (var (code, isPrefix) in agents)
        {
            var c = code.ToUpperInvariant();
            if (isPrefix)
            {
                if (!actor.StartsWith(c, StringComparison.Ordinal))
                {
                    prefix.Append(c);
                }
            }
            else if (!actor.Contains(c, StringComparison.Ordinal) && !suffix.ToString().Contains(c, StringComparison.Ordinal))
            {
                suffix.Append(c);
            }
        }

        if (former)
        {
            // A former official is an elite, not the government: keep the country, drop the sector.
            var country = actor.Length >= 3 ? actor[..3] : actor;
            return prefix + country + "ELI";
        }

        return prefix + actor + suffix;
    }
}
