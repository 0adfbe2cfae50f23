using Parley.Documents;
using Parley.Events.Dictionaries;

namespace Parley.Events.Coding;

/// <summary>One event found in one sentence, before it is attached to document entities.</summary>
public sealed class CodedEvent
{
    public required string Code { get; init; }

    public required ActorPhrase Source { get; init; }

    /// <summary>Which members of <see cref="Source"/> act (all of them unless a compound was split).</summary>
    public required IReadOnlyList<int> SourceMembers { get; init; }

    public ActorPhrase? Target { get; init; }

    public IReadOnlyList<int> TargetMembers { get; init; } = [];

    /// <summary>True when the members of <see cref="Source"/> act towards each other ("Gondor and Osgiliath met").</summary>
    public bool Reciprocal { get; init; }

    /// <summary>The word that anchors the event (the verb or event noun).</summary>
    public required int Anchor { get; init; }

    /// <summary>The pattern that matched ("file:line"), or the dictionary entry when the bare word coded.</summary>
    public required string Origin { get; init; }

    /// <summary>True when a pattern (rather than the bare word) decided the code.</summary>
    public bool ByPattern { get; init; }

    /// <summary>The dictionary that coded it.</summary>
    public required string Dictionary { get; init; }

    /// <summary>True when the event was re-coded as an intention (future tense of a cooperative act).</summary>
    public bool Future { get; init; }

    public IEnumerable<string> SourceCodes => SourceMembers.Select(i => Source.Codes[i]);

    public IEnumerable<string> TargetCodes => Target is null ? [] : TargetMembers.Select(i => Target.Codes[i]);

    public override string ToString() => $"{string.Join("+", SourceCodes)} -> {(Reciprocal ? "(each other)" : string.Join("+", TargetCodes))} {Code} [{Origin}]";
}

/// <summary>How strictly a dictionary's events are coded.</summary>
public sealed record CodingRules
{
    /// <summary>PETRARCH's behaviour: code as the dictionary says, negated or not, and only with both a source and a target.</summary>
    public static CodingRules Petrarch { get; } = new() { AbstainOnNegation = false, RequireTarget = _ => true, RecodeFuture = false, SuppressNested = false };

    /// <summary>Parley's own rules: abstain on negated or hypothetical events; a recipient only where PLOVER requires one.</summary>
    public static CodingRules Plover { get; } = new();

    public bool AbstainOnNegation { get; init; } = true;

    /// <summary>Whether an event with this code needs a target.</summary>
    public Func<string, bool> RequireTarget { get; init; } = code =>
        Codebook.EventCodebook.Default.Lookup(code)?.Type is "COOPERATE" or "AID" or "SANCTION" or null;

    /// <summary>PLOVER codes a cooperative act in the future tense as AGREE (an intention).</summary>
    public bool RecodeFuture { get; init; } = true;

    /// <summary>
    /// Parley does not code a verb inside the object of a coded verb: in "urged Iran to release the prisoners" the
    /// release has not happened. (Event nouns there are never coded separately, whatever the rules.)
    /// </summary>
    public bool SuppressNested { get; init; } = true;
}

/// <summary>
/// Codes the events of one sentence from verb and noun patterns. For each anchor word the dictionary knows, the
/// words before it (back to the start of its clause) and after it (to the end of its clause) are matched against the
/// entry's patterns, most specific first; actor phrases stand as single elements. The source is the pattern's $,
/// else the clause's subject (from the dependency parse when there is one, else the nearest actor before the
/// anchor); the target is the pattern's +, else the first actor after the anchor. Passive clauses ("was opposed by
/// X") swap them. A compound % makes the parties act towards each other.
/// </summary>
public sealed class EventCoder
{
    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal) { "NOT", "N'T", "NEVER", "NO", "NEITHER", "NOR", "CANNOT", "REFUSED", "DECLINED", "FAILED" };

    private static readonly HashSet<string> FutureMarkers = new(StringComparer.Ordinal) { "WILL", "'LL", "SHALL", "WOULD", "PLANS", "PLAN", "PLANNED", "INTENDS", "INTEND", "INTENDED", "EXPECTED", "SCHEDULED", "PROMISED", "PLEDGED", "AGREED", "OFFERED", "READY", "GOING", "ABOUT", "HOPES", "HOPE", "WANTS", "WANT" };

    private static readonly HashSet<string> Hypothetical = new(StringComparer.Ordinal) { "IF", "UNLESS", "WHETHER" };

    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal) { "THE", "A", "AN" };

    private static readonly HashSet<string> ClauseEnds = new(StringComparer.Ordinal) { ",", ";", ":", ".", "!", "?", "\"", "“", "”", "(", ")", "—", "–", "--" };

    /// <summary>How far a clause reaches on each side of its anchor; keeps coding linear in the sentence length.</summary>
    private const int MaxClauseElements = 48;

    /// <summary>Pattern steps allowed per anchor; a pathological sentence abstains rather than backtracking for long.</summary>
    private const int MaxMatchSteps = 20_000;

    [ThreadStatic]
    private static int _steps;

    private readonly VerbDictionary _dictionary;
    private readonly CodingRules _rules;

    public EventCoder(VerbDictionary dictionary, CodingRules rules)
    {
        _dictionary = dictionary;
        _rules = rules;
    }

    public VerbDictionary Dictionary => _dictionary;

    /// <summary>An element of a sentence: a word, or an actor phrase standing for its words.</summary>
    private readonly record struct Element(int Word, ActorPhrase? Actor, int End)
    {
        public bool IsActor => Actor is not null;
    }

    public List<CodedEvent> Code(CodingSentence sentence, List<ActorPhrase> actors)
    {
        var events = new List<CodedEvent>();
        if (sentence.Count == 0)
        {
            return events;
        }

        var elements = Elements(sentence, actors, out var elementOfWord);
        var sourceByAnchor = new Dictionary<int, ActorPhrase?>();
        var covered = new HashSet<int>();
        for (int e = 0; e < elements.Count; e++)
        {
            if (elements[e].IsActor)
            {
                continue;
            }

            int w = elements[e].Word;
            var entry = Anchor(sentence, elements, e, out int firstElement, out int lastElement);
            if (entry is null)
            {
                continue;
            }

            // An event noun in the object of a verb that was coded is part of that verb's event ("sent aid to Yemen").
            if ((entry.IsNoun || _rules.SuppressNested) && covered.Contains(e))
            {
                continue;
            }

            var upper = Upper(sentence, elements, firstElement, entry.IsNoun);
            var lower = Lower(sentence, elements, lastElement, entry.IsNoun);
            int before = events.Count;
            CodeAnchor(sentence, elements, elementOfWord, w, entry, upper, lower, events, sourceByAnchor);
            if (events.Count > before && !entry.IsNoun)
            {
                covered.UnionWith(lower);
            }
        }

        return Deduplicate(events);
    }

    private static List<Element> Elements(CodingSentence sentence, List<ActorPhrase> actors, out int[] elementOfWord)
    {
        var elements = new List<Element>(sentence.Count);
        elementOfWord = new int[sentence.Count];
        int a = 0;
        for (int i = 0; i < sentence.Count;)
        {
            while (a < actors.Count && actors[a].End <= i)
            {
                a++;
            }

            if (a < actors.Count && actors[a].Start == i)
            {
                for (int k = i; k < actors[a].End; k++)
                {
                    elementOfWord[k] = elements.Count;
                }

                elements.Add(new Element(i, actors[a], actors[a].End));
                i = actors[a].End;
                continue;
            }

            elementOfWord[i] = elements.Count;
            elements.Add(new Element(i, null, i + 1));
            i++;
        }

        return elements;
    }

    /// <summary>The dictionary entry anchored at element <paramref name="e"/>, preferring multi-word forms; null when none applies.</summary>
    private VerbEntry? Anchor(CodingSentence sentence, List<Element> elements, int e, out int first, out int last)
    {
        first = last = e;
        var word = sentence.Words[elements[e].Word];
        var candidates = _dictionary.Lookup(word.Form);
        if (candidates.IsEmpty && _dictionary.MatchLemmas && word.Lemma is { } lemma && lemma != word.Form)
        {
            candidates = _dictionary.Lookup(lemma);
        }

        VerbEntry? best = null;
        int bestWords = 0;
        foreach (var entry in candidates)
        {
            if (sentence.HasTags ? !PosFits(word.Upos, entry.IsNoun) : !entry.IsNoun && LooksLikeNoun(sentence, elements, e))
            {
                continue;
            }

            if (!ExtraWordsMatch(sentence, elements, e, entry, out int f, out int l))
            {
                continue;
            }

            if (entry.Words.Length > bestWords)
            {
                best = entry;
                bestWords = entry.Words.Length;
                first = f;
                last = l;
            }
        }

        return best;
    }

    private static bool PosFits(UPos upos, bool noun) => noun
        ? upos is UPos.NOUN or UPos.PROPN
        : upos is UPos.VERB or UPos.AUX ? upos == UPos.VERB : false;

    private static readonly HashSet<string> NounDeterminers = new(StringComparer.Ordinal)
    {
        "A", "AN", "THE", "HIS", "HER", "ITS", "THEIR", "OUR", "MY", "YOUR", "THIS", "THESE", "THOSE", "EACH", "EVERY", "ANOTHER", "NO",
    };

    /// <summary>Without tags, a verb form right after a determiner and at most two modifiers is a noun ("an attack", "a brief private visit").</summary>
    private static bool LooksLikeNoun(CodingSentence sentence, List<Element> elements, int e)
    {
        for (int k = e - 1; k >= 0 && k >= e - 3; k--)
        {
            if (elements[k].IsActor)
            {
                return false;
            }

            var form = sentence.Forms[elements[k].Word];
            if (NounDeterminers.Contains(form) || form is "'S" or "’S")
            {
                return true;
            }

            if (form.EndsWith("ED", StringComparison.Ordinal) || form is "TO" or "WILL" or "WOULD" or "HAS" or "HAVE" or "HAD" or "NOT" or "N'T" or "," or "AND")
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Checks the other words of a multi-word verb around the anchor (articles may intervene).</summary>
    private static bool ExtraWordsMatch(CodingSentence sentence, List<Element> elements, int e, VerbEntry entry, out int first, out int last)
    {
        first = last = e;
        int k = e;
        for (int i = entry.AnchorIndex + 1; i < entry.Words.Length; i++)
        {
            k++;
            while (k < elements.Count && !elements[k].IsActor && Articles.Contains(sentence.Forms[elements[k].Word]))
            {
                k++;
            }

            if (k >= elements.Count || elements[k].IsActor || sentence.Forms[elements[k].Word] != entry.Words[i])
            {
                return false;
            }

            last = k;
        }

        k = e;
        for (int i = entry.AnchorIndex - 1; i >= 0; i--)
        {
            k--;
            if (k < 0 || elements[k].IsActor || sentence.Forms[elements[k].Word] != entry.Words[i])
            {
                return false;
            }

            first = k;
        }

        return true;
    }

    /// <summary>Elements before the anchor, nearest first, back to the start of the clause.</summary>
    private static readonly HashSet<string> Copulas = new(StringComparer.Ordinal) { "IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING", "'S" };

    private static readonly HashSet<string> RelativeWords = new(StringComparer.Ordinal) { "THAT", "WHICH", "WHO", "WHOM", "WHERE", "WHEN", "WHILE" };

    /// <summary>
    /// Elements before the anchor, nearest first, back to the start of the clause. An event noun's clause also ends at a
    /// copula: in "Iran is one of the topics of the talks", Iran does not talk.
    /// </summary>
    private static List<int> Upper(CodingSentence sentence, List<Element> elements, int first, bool noun)
    {
        var result = new List<int>();
        for (int k = first - 1; k >= 0 && result.Count < MaxClauseElements; k--)
        {
            if (!elements[k].IsActor && (ClauseEnds.Contains(sentence.Forms[elements[k].Word]) || (noun && Copulas.Contains(sentence.Forms[elements[k].Word]))))
            {
                break;
            }

            result.Add(k);
        }

        return result;
    }

    /// <summary>Elements after the anchor to the end of its clause: a punctuation break, or "and" that starts another verb phrase.</summary>
    private List<int> Lower(CodingSentence sentence, List<Element> elements, int last, bool noun)
    {
        var result = new List<int>();
        for (int k = last + 1; k < elements.Count && result.Count < MaxClauseElements; k++)
        {
            if (!elements[k].IsActor)
            {
                var form = sentence.Forms[elements[k].Word];
                // A noun's arguments end where a relative clause or another verb starts ("the talks that took place in Geneva").
                if (ClauseEnds.Contains(form) || (noun && (RelativeWords.Contains(form) || Copulas.Contains(form)
                    || (sentence.HasTags && sentence.Words[elements[k].Word].Upos is UPos.VERB or UPos.AUX))))
                {
                    break;
                }

                if (form is "AND" or "BUT" && StartsVerbPhrase(sentence, elements, k + 1))
                {
                    break;
                }
            }

            result.Add(k);
        }

        return result;
    }

    private bool StartsVerbPhrase(CodingSentence sentence, List<Element> elements, int k)
    {
        for (int j = k; j < elements.Count && j <= k + 1; j++)
        {
            if (elements[j].IsActor)
            {
                return false;
            }

            var word = sentence.Words[elements[j].Word];
            if (sentence.HasTags ? word.Upos == UPos.VERB : !_dictionary.Lookup(word.Form).IsEmpty && word.Form.EndsWith("ED", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private void CodeAnchor(CodingSentence sentence, List<Element> elements, int[] elementOfWord, int anchorWord, VerbEntry entry,
        List<int> upper, List<int> lower, List<CodedEvent> events, Dictionary<int, ActorPhrase?> sourceByAnchor)
    {
        string? code = null, reverse = null, origin = null;
        ActorPhrase? source = null, target = null, compound = null;
        bool byPattern = false;
        _steps = 0;
        foreach (var pattern in entry.Patterns)
        {
            var found = new Found();
            if (MatchSide(sentence, elements, pattern.Before, 0, upper, 0, found, outward: true)
                && MatchSide(sentence, elements, pattern.After, 0, lower, 0, found, outward: false))
            {
                code = pattern.Code;
                reverse = pattern.ReverseCode;
                origin = pattern.Origin;
                source = found.Source;
                target = found.Target;
                compound = found.Compound;
                byPattern = true;
                break;
            }
        }

        if (code is null)
        {
            code = entry.Code;
            reverse = entry.ReverseCode;
            origin = $"{_dictionary.Name}:{entry.Block}";
        }

        bool passive = !entry.IsNoun && IsPassive(sentence, elements, upper, anchorWord);
        ActorPhrase? defaultSource = null;
        if (source is null && compound is null)
        {
            defaultSource = passive ? ByAgent(sentence, elements, lower) : Subject(sentence, elements, elementOfWord, upper, anchorWord, sourceByAnchor);
            source = defaultSource;
        }

        if (source is null && compound is null && entry.IsNoun && target is not null)
        {
            // "in military cooperation with Iran, Moscow ...": a noun with a named partner but no actor in its clause
            // takes the nearest actor before it in the sentence that is not the partner.
            source = defaultSource = NearestBefore(elements, anchorWord, target);
        }

        sourceByAnchor[anchorWord] = source ?? compound;
        if (code is null or "---" || code.Length == 0)
        {
            return;
        }

        if (_rules.AbstainOnNegation && (Negated(sentence, elements, upper) || HypotheticalClause(sentence, elements, upper)))
        {
            return;
        }

        bool future = false;
        if (_rules.RecodeFuture && !entry.IsNoun && FutureTense(sentence, elements, upper) && FutureCode(code) is { } intent)
        {
            code = intent;
            reverse = null;
            future = true;
        }

        if (compound is not null && compound.Codes.Count >= 2)
        {
            var members = Enumerable.Range(0, compound.Codes.Count).ToArray();
            events.Add(new CodedEvent
            {
                Code = code, Source = compound, SourceMembers = members, Reciprocal = true, Anchor = anchorWord, Origin = origin!,
                ByPattern = byPattern, Dictionary = _dictionary.Name, Future = future,
            });
            return;
        }

        source ??= compound;
        if (target is null)
        {
            target = passive && defaultSource is not null ? NearestActor(elements, upper, except: source) : FirstActor(elements, lower, except: source);
        }

        if (source is null)
        {
            return;
        }

        if (target is null)
        {
            // A compound subject of a joint act with no one else involved: "Gondor and Osgiliath met".
            if (source.Codes.Count >= 2 && reverse is not null && reverse == code)
            {
                events.Add(new CodedEvent
                {
                    Code = code, Source = source, SourceMembers = Enumerable.Range(0, source.Codes.Count).ToArray(), Reciprocal = true,
                    Anchor = anchorWord, Origin = origin!, ByPattern = byPattern, Dictionary = _dictionary.Name, Future = future,
                });
                return;
            }

            if (_rules.RequireTarget(code))
            {
                return;
            }
        }

        var sourceMembers = Enumerable.Range(0, source.Codes.Count).ToArray();
        var targetMembers = target is null ? [] : Enumerable.Range(0, target.Codes.Count).ToArray();
        events.Add(new CodedEvent
        {
            Code = code, Source = source, SourceMembers = sourceMembers, Target = target, TargetMembers = targetMembers, Anchor = anchorWord,
            Origin = origin!, ByPattern = byPattern, Dictionary = _dictionary.Name, Future = future,
        });
        if (reverse is not null && reverse != "---" && target is not null)
        {
            events.Add(new CodedEvent
            {
                Code = reverse, Source = target, SourceMembers = targetMembers, Target = source, TargetMembers = sourceMembers, Anchor = anchorWord,
                Origin = origin!, ByPattern = byPattern, Dictionary = _dictionary.Name, Future = future,
            });
        }
    }

    private sealed class Found
    {
        public ActorPhrase? Source;
        public ActorPhrase? Target;
        public ActorPhrase? Compound;
    }

    /// <summary>
    /// Matches pattern items [k..] against sequence elements [p..]; an item not marked adjacent may skip any number of
    /// elements. On the upper side the sequence runs outwards from the anchor, so phrases compare in reverse.
    /// </summary>
    private bool MatchSide(CodingSentence sentence, List<Element> elements, PatternItem[] items, int k, List<int> seq, int p, Found found, bool outward)
    {
        if (k == items.Length)
        {
            return true;
        }

        if (++_steps > MaxMatchSteps)
        {
            return false;
        }

        var item = items[k];
        int limit = item.Adjacent ? Math.Min(seq.Count, SkipArticles(sentence, elements, seq, p) + 1) : seq.Count;
        for (int q = p; q < limit; q++)
        {
            int consumed = MatchItem(sentence, elements, item, seq, q, outward, out var actor);
            if (consumed > 0)
            {
                var saved = (found.Source, found.Target, found.Compound);
                switch (item.Kind)
                {
                    case PatternItemKind.Source:
                        found.Source = actor;
                        break;
                    case PatternItemKind.Target:
                        found.Target = actor;
                        break;
                    case PatternItemKind.Compound:
                        found.Compound = actor;
                        break;
                }

                if (MatchSide(sentence, elements, items, k + 1, seq, q + consumed, found, outward))
                {
                    return true;
                }

                (found.Source, found.Target, found.Compound) = saved;
            }
        }

        return false;
    }

    private static int SkipArticles(CodingSentence sentence, List<Element> elements, List<int> seq, int p)
    {
        while (p < seq.Count && !elements[seq[p]].IsActor && Articles.Contains(sentence.Forms[elements[seq[p]].Word]))
        {
            p++;
        }

        return p;
    }

    /// <summary>How many sequence elements the item consumes at position q (0 = no match).</summary>
    private int MatchItem(CodingSentence sentence, List<Element> elements, PatternItem item, List<int> seq, int q, bool outward, out ActorPhrase? actor)
    {
        actor = null;
        var el = elements[seq[q]];
        switch (item.Kind)
        {
            case PatternItemKind.Source or PatternItemKind.Target or PatternItemKind.Skip:
                if (el.IsActor)
                {
                    actor = el.Actor;
                    return 1;
                }

                return 0;
            case PatternItemKind.Compound:
                if (el.IsActor && el.Actor!.Codes.Count >= 2)
                {
                    actor = el.Actor;
                    return 1;
                }

                return 0;
            case PatternItemKind.Word:
                return !el.IsActor && WordMatches(sentence.Words[el.Word], item.Text) ? 1 : 0;
            default:
                var phrases = _dictionary.Synset(item.Text);
                if (phrases is null)
                {
                    return 0;
                }

                foreach (var phrase in phrases)
                {
                    if (q + phrase.Length > seq.Count)
                    {
                        continue;
                    }

                    bool all = true;
                    for (int i = 0; i < phrase.Length && all; i++)
                    {
                        var e = elements[seq[q + i]];
                        var expected = outward ? phrase[phrase.Length - 1 - i] : phrase[i];
                        all = !e.IsActor && WordMatches(sentence.Words[e.Word], expected);
                    }

                    if (all)
                    {
                        return phrase.Length;
                    }
                }

                return 0;
        }
    }

    private bool WordMatches(CodingWord word, string expected) =>
        word.Form == expected || (_dictionary.MatchLemmas && word.Lemma == expected);

    private static bool IsPassive(CodingSentence sentence, List<Element> elements, List<int> upper, int anchorWord)
    {
        var form = sentence.Forms[anchorWord];
        bool participle = sentence.HasTags
            ? sentence.Words[anchorWord].DepRel is { } rel && rel.EndsWith(":pass", StringComparison.Ordinal) || HasPassiveAux(sentence, anchorWord) || LooksPassive(sentence, elements, upper, form)
            : LooksPassive(sentence, elements, upper, form);
        return participle;
    }

    private static bool HasPassiveAux(CodingSentence sentence, int anchorWord)
    {
        for (int i = 0; i < sentence.Count; i++)
        {
            if (sentence.Words[i].Head == anchorWord && sentence.Words[i].DepRel == "aux:pass")
            {
                return true;
            }
        }

        return false;
    }

    private static bool LooksPassive(CodingSentence sentence, List<Element> elements, List<int> upper, string form)
    {
        if (!(form.EndsWith("ED", StringComparison.Ordinal) || form.EndsWith("EN", StringComparison.Ordinal)))
        {
            return false;
        }

        // "was (fiercely) opposed": a form of "be" within two words before the participle.
        for (int i = 0; i < upper.Count && i < 3; i++)
        {
            var el = elements[upper[i]];
            if (el.IsActor)
            {
                return false;
            }

            if (sentence.Forms[el.Word] is "WAS" or "WERE" or "IS" or "ARE" or "BEEN" or "BE" or "BEING")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The actor after "by" in the clause: the agent of a passive verb.</summary>
    private static ActorPhrase? ByAgent(CodingSentence sentence, List<Element> elements, List<int> lower)
    {
        for (int i = 0; i + 1 < lower.Count; i++)
        {
            var el = elements[lower[i]];
            if (!el.IsActor && sentence.Forms[el.Word] == "BY" && elements[lower[i + 1]].IsActor)
            {
                return elements[lower[i + 1]].Actor;
            }
        }

        return null;
    }

    /// <summary>
    /// The anchor's subject: from the parse when there is one (climbing through conjoined and controlled verbs), else
    /// the nearest actor before the anchor in its clause, or, after "and", the subject of the verb before it.
    /// </summary>
    private ActorPhrase? Subject(CodingSentence sentence, List<Element> elements, int[] elementOfWord, List<int> upper, int anchorWord,
        Dictionary<int, ActorPhrase?> sourceByAnchor)
    {
        if (sentence.HasParse)
        {
            int verb = anchorWord;
            for (int guard = 0; guard < 6 && verb >= 0; guard++)
            {
                for (int i = 0; i < sentence.Count; i++)
                {
                    var w = sentence.Words[i];
                    if (w.Head == verb && w.DepRel is "nsubj" or "nsubj:outer" or "csubj")
                    {
                        var el = elements[elementOfWord[i]];
                        return el.IsActor ? el.Actor : null;
                    }
                }

                var rel = sentence.Words[verb].DepRel;
                if (rel is not ("conj" or "xcomp" or "advcl" or "acl"))
                {
                    break;
                }

                verb = sentence.Words[verb].Head;
            }
        }

        for (int i = 0; i < upper.Count; i++)
        {
            var el = elements[upper[i]];
            if (el.IsActor)
            {
                return el.Actor;
            }

            var form = sentence.Forms[el.Word];
            if (form is "AND" or "BUT" && i <= 2)
            {
                // "condemned the attack ... and promised aid": the second verb shares the first one's subject.
                for (int j = i + 1; j < upper.Count; j++)
                {
                    var prev = elements[upper[j]];
                    if (!prev.IsActor && sourceByAnchor.TryGetValue(prev.Word, out var shared))
                    {
                        return shared;
                    }
                }
            }

            if (form is "WHO" or "WHICH" or "THAT" && i <= 1)
            {
                continue;
            }
        }

        return null;
    }

    private static ActorPhrase? NearestBefore(List<Element> elements, int anchorWord, ActorPhrase except)
    {
        for (int k = elements.Count - 1; k >= 0; k--)
        {
            if (elements[k].Word >= anchorWord || !elements[k].IsActor)
            {
                continue;
            }

            var a = elements[k].Actor!;
            if (a != except && !a.Codes.Any(except.Codes.Contains))
            {
                return a;
            }
        }

        return null;
    }

    private static ActorPhrase? FirstActor(List<Element> elements, List<int> seq, ActorPhrase? except)
    {
        foreach (var k in seq)
        {
            if (elements[k].IsActor && elements[k].Actor != except)
            {
                return elements[k].Actor;
            }
        }

        return null;
    }

    private static ActorPhrase? NearestActor(List<Element> elements, List<int> upper, ActorPhrase? except) => FirstActor(elements, upper, except);

    /// <summary>A negation within the four words before the anchor ("did not meet", "never signed").</summary>
    private static bool Negated(CodingSentence sentence, List<Element> elements, List<int> upper) => NearBefore(sentence, elements, upper, Negations);

    private static bool FutureTense(CodingSentence sentence, List<Element> elements, List<int> upper) => NearBefore(sentence, elements, upper, FutureMarkers);

    /// <summary>True when one of <paramref name="words"/> stands within four words before the anchor, with no actor between.</summary>
    private static bool NearBefore(CodingSentence sentence, List<Element> elements, List<int> upper, HashSet<string> words)
    {
        for (int i = 0; i < upper.Count && i < 4; i++)
        {
            var el = elements[upper[i]];
            if (el.IsActor)
            {
                return false;
            }

            if (words.Contains(sentence.Forms[el.Word]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HypotheticalClause(CodingSentence sentence, List<Element> elements, List<int> upper)
    {
        foreach (var k in upper)
        {
            if (!elements[k].IsActor && Hypothetical.Contains(sentence.Forms[elements[k].Word]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The AGREE (intent) code for a cooperative act stated in the future; null when the act is not one.</summary>
    private static string? FutureCode(string code)
    {
        var info = Codebook.EventCodebook.Default.Lookup(code);
        return info?.Type switch
        {
            "CONSULT" => "036",
            "SUPPORT" => "032",
            "COOPERATE" => info.Context switch { "economic" => "0311", "military" => "0312", "legal" => "0313", "intelligence" => "0314", _ => "031" },
            "AID" => info.Context switch { "economic" => "0331", "military" => "0332", "humanitarian" => "0333", "peacekeeping" => "0334", _ => "033" },
            _ => null,
        };
    }

    /// <summary>One event per (code, source, target) in a sentence, and one per type and dyad for Parley's own patterns.</summary>
    private static List<CodedEvent> Deduplicate(List<CodedEvent> events)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<CodedEvent>(events.Count);
        foreach (var e in events)
        {
            var key = $"{e.Code}|{string.Join(",", e.SourceCodes)}|{(e.Reciprocal ? "*" : string.Join(",", e.TargetCodes))}";
            if (seen.Add(key))
            {
                result.Add(e);
            }
        }

        return result;
    }
}
