using Parley.Documents;
using Parley.Events.Codebook;
using Parley.Events.Coding;

namespace Parley.Events;

/// <summary>
/// Turns coded events into <see cref="NewsEvent"/>s: attaches actors to entities, finds the place, date and speaker,
/// scores a confidence, and merges the reports of one event within the document, keeping every evidence sentence.
/// </summary>
internal sealed class EventBuilder
{
    private static readonly HashSet<string> PlacePrepositions = new(StringComparer.Ordinal) { "IN", "AT", "NEAR", "OUTSIDE", "INSIDE" };

    private readonly NewsDocument _document;
    private readonly EventOptions _options;
    private readonly Dictionary<string, int> _addedEntities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NewsEvent> _byKey = new(StringComparer.Ordinal);
    private readonly List<NewsEvent> _events = [];
    private readonly Dictionary<NewsEvent, bool> _dateFromText = [];
    private readonly string? _documentDate;

    private readonly List<int>[] _mentionsBySentence;
    private readonly HashSet<(int Entity, TextSpan Span)> _mentionSpans = [];
    private readonly List<int>[] _timesBySentence;
    private readonly Dictionary<int, Dictionary<int, int>> _placeStarts = [];
    private readonly List<int>[] _quotesBySentence;

    private static List<int>[] BySentence(NewsDocument document, IEnumerable<int> starts)
    {
        var result = new List<int>[document.Sentences.Count];
        for (int s = 0; s < result.Length; s++)
        {
            result[s] = [];
        }

        int i = 0;
        foreach (int start in starts)
        {
            int s = document.SentenceAt(start);
            if (s >= 0)
            {
                result[s].Add(i);
            }

            i++;
        }

        return result;
    }

    private readonly Dictionary<int, EventPlace>? _gazetteerPlaces;

    public EventBuilder(NewsDocument document, EventOptions options, List<int>[] mentionsBySentence, Dictionary<int, EventPlace>? gazetteerPlaces = null)
    {
        _gazetteerPlaces = gazetteerPlaces;
        _document = document;
        _mentionsBySentence = mentionsBySentence;
        _timesBySentence = BySentence(document, document.TimeExpressions.Select(t => t.Start));
        _quotesBySentence = BySentence(document, document.Quotes.Select(q => q.Content.Start));
        _options = options;
        _documentDate = EventComponent.DocumentDate(document);
    }

    public void Add(int sentenceIndex, CodingSentence sentence, CodedEvent coded)
    {
        var info = EventCodebook.Default.Lookup(coded.Code);
        var sources = coded.SourceMembers.Select(m => EntityFor(sentence, coded.Source, m, coded.Dictionary)).Distinct().ToList();
        var targets = coded.Target is null ? [] : coded.TargetMembers.Select(m => EntityFor(sentence, coded.Target, m, coded.Dictionary)).Distinct().ToList();
        targets.RemoveAll(sources.Contains);
        var evidence = _document.Sentences[sentenceIndex].Span;
        var anchorSpan = sentence.Words[coded.Anchor].Span;
        var (date, fromText) = DateFor(sentenceIndex, anchorSpan);
        var e = new NewsEvent
        {
            Type = info?.Type ?? PloverTypes.Other,
            Mode = info?.Mode,
            Context = info?.Context,
            Cameo = coded.Code,
            QuadClass = info?.QuadClass,
            Goldstein = info?.Goldstein,
            Verbal = info?.Verbal ?? false,
            Sources = sources,
            Targets = coded.Reciprocal ? [] : targets,
            Reciprocal = coded.Reciprocal,
            Place = PlaceFor(sentenceIndex, sentence, coded),
            Date = date,
            Evidence = [evidence],
            ClaimedBy = SpeakerOf(sentenceIndex, anchorSpan),
        };
        e.Confidence = Confidence(coded, info, e);
        if (e.Confidence < _options.MinimumConfidence)
        {
            return;
        }

        var key = Key(e);
        if (_byKey.TryGetValue(key, out var existing))
        {
            Merge(existing, e, fromText);
            return;
        }

        _byKey[key] = e;
        _dateFromText[e] = fromText;
        _events.Add(e);
    }

    public void Finish() => _document.Events.AddRange(_events);

    /// <summary>Reports of one event: the same PLOVER type between the same actors, claimed by the same speaker (or asserted).</summary>
    private static string Key(NewsEvent e) =>
        $"{(e.Type == PloverTypes.Other ? e.Cameo : e.Type)}|{string.Join(",", e.Sources.Order())}|{string.Join(",", e.Targets.Order())}|{e.Reciprocal}|{e.ClaimedBy}";

    private void Merge(NewsEvent into, NewsEvent other, bool otherDateFromText)
    {
        // Sentences are coded in order, so a repeated span can only be the last one.
        foreach (var span in other.Evidence)
        {
            if (into.Evidence[^1] != span)
            {
                into.Evidence.Add(span);
            }
        }

        // A date written in a reporting sentence beats the document's date; the first written one wins.
        if (otherDateFromText && !_dateFromText[into])
        {
            into.Date = other.Date;
            _dateFromText[into] = true;
        }

        into.Place ??= other.Place;
        into.Confidence = Math.Min(1.0, Math.Max(into.Confidence, other.Confidence) + 0.05);
    }

    /// <summary>The entity for one member of an actor phrase: the entity layer's when it named it, else one added for it.</summary>
    private int EntityFor(CodingSentence sentence, ActorPhrase phrase, int member, string dictionary)
    {
        var code = phrase.Codes[member];
        int known = phrase.Entities[member];
        if (known >= 0 && known < _document.Entities.Count && EventComponent.ActorCode(_document.Entities[known].Actor) == code)
        {
            return known;
        }

        var (ws, we) = phrase.MemberSpans[member];
        var first = sentence.Words[Math.Min(ws, phrase.Start)].Span;
        var last = sentence.Words[Math.Max(we, phrase.End) - 1].Span;
        var span = TextSpan.FromBounds(first.Start, last.End);
        var memberSpan = TextSpan.FromBounds(sentence.Words[ws].Span.Start, sentence.Words[we - 1].Span.End);
        var name = _document.Text.Substring(memberSpan.Start, memberSpan.Length);
        var key = code + "|" + name.ToUpperInvariant();
        if (_addedEntities.TryGetValue(key, out int existing))
        {
            AddMention(existing, span);
            return existing;
        }

        var country = code.Length >= 3 && !code.StartsWith("---", StringComparison.Ordinal) ? code[..3] : null;
        var sectors = new List<string>();
        for (int i = 3; i + 3 <= code.Length; i += 3)
        {
            sectors.Add(code.Substring(i, 3));
        }

        var entity = new Entity
        {
            Id = _document.Entities.Count,
            Type = sectors.Count == 0 && country is not null ? "LOC" : "ORG",
            Name = name,
            Actor = new Actor { Code = code, Country = country, Sectors = sectors, Evidence = "dictionary:" + dictionary },
        };
        _document.Entities.Add(entity);
        _addedEntities[key] = entity.Id;
        AddMention(entity.Id, span);
        return entity.Id;
    }

    private void AddMention(int entity, TextSpan span)
    {
        if (!_mentionSpans.Add((entity, span)))
        {
            return;
        }

        _document.Mentions.Add(new Mention { Start = span.Start, Length = span.Length, Type = _document.Entities[entity].Type, Kind = MentionKind.Nominal, Entity = entity });
        _document.Entities[entity].Mentions.Add(_document.Mentions.Count - 1);
    }

    /// <summary>The date of the nearest dated time expression in the sentence, else the document's date.</summary>
    private (string? Value, bool FromText) DateFor(int sentenceIndex, TextSpan anchor)
    {
        var sentence = _document.Sentences[sentenceIndex].Span;
        TimeExpression? best = null;
        int bestDistance = int.MaxValue;
        foreach (int index in _timesBySentence[sentenceIndex])
        {
            var t = _document.TimeExpressions[index];
            if (t.Type != "DATE" || t.Value is not { Length: >= 4 } value || !char.IsAsciiDigit(value[0]) || !sentence.Contains(t.Span))
            {
                continue;
            }

            int distance = Math.Abs(t.Start - anchor.Start);
            if (distance < bestDistance)
            {
                best = t;
                bestDistance = distance;
            }
        }

        return best is not null ? (best.Value, true) : (_documentDate, false);
    }

    /// <summary>
    /// Where the event happened: a place named after "in", "at" or "near" in the sentence that is not one of the
    /// event's actors, resolved to a country through the entity layer when it knows the place.
    /// </summary>
    private EventPlace? PlaceFor(int sentenceIndex, CodingSentence sentence, CodedEvent coded)
    {
        var starts = PlaceMentionStarts(sentenceIndex);
        if (starts.Count == 0 && _gazetteerPlaces is not { Count: > 0 })
        {
            return null;
        }

        // Only the anchor's neighbourhood: a place named far away in a long sentence belongs to another clause.
        int from = Math.Max(1, coded.Anchor - 30), to = Math.Min(sentence.Count, coded.Anchor + 30);
        for (int w = from; w < to; w++)
        {
            if (!PlacePrepositions.Contains(sentence.Forms[w - 1]))
            {
                continue;
            }

            if (!starts.TryGetValue(sentence.Words[w].Span.Start, out int index))
            {
                if (_gazetteerPlaces is not null && _gazetteerPlaces.TryGetValue(sentence.Words[w].Span.Start, out var place) && place.Span is { } ps
                    && !IsActorSpan(coded.Source, sentence, ps) && !(coded.Target is { } tp && IsActorSpan(tp, sentence, ps)))
                {
                    return new EventPlace { Name = place.Name, Country = place.Country, Span = place.Span };
                }

                continue;
            }

            var mention = _document.Mentions[index];
            if (IsActorSpan(coded.Source, sentence, mention.Span) || (coded.Target is { } t && IsActorSpan(t, sentence, mention.Span)))
            {
                continue;
            }

            var entity = _document.Entities[mention.Entity];
            return new EventPlace { Name = entity.Name, Country = entity.Actor?.Country, Span = mention.Span };
        }

        return null;
    }

    /// <summary>Where the entity layer's place mentions of a sentence start (text offset to mention index).</summary>
    private Dictionary<int, int> PlaceMentionStarts(int sentenceIndex)
    {
        if (_placeStarts.TryGetValue(sentenceIndex, out var cached))
        {
            return cached;
        }

        var result = new Dictionary<int, int>();
        foreach (int index in _mentionsBySentence[sentenceIndex])
        {
            var mention = _document.Mentions[index];
            if (mention.Type is "LOC" or "GPE" or "FAC" && mention.Entity >= 0 && mention.Entity < _document.Entities.Count)
            {
                result.TryAdd(mention.Start, index);
            }
        }

        _placeStarts.Clear();
        _placeStarts[sentenceIndex] = result;
        return result;
    }

    private static bool IsActorSpan(ActorPhrase phrase, CodingSentence sentence, TextSpan span)
    {
        var first = sentence.Words[phrase.Start].Span;
        var last = sentence.Words[phrase.End - 1].Span;
        return TextSpan.FromBounds(first.Start, last.End).Overlaps(span);
    }

    /// <summary>The speaker of the quotation whose content holds the anchor word, if any.</summary>
    private int? SpeakerOf(int sentenceIndex, TextSpan anchor)
    {
        // A quote may start in an earlier sentence: look back a few sentences.
        for (int s = Math.Max(0, sentenceIndex - 3); s <= sentenceIndex; s++)
        {
            foreach (int index in _quotesBySentence[s])
            {
                var q = _document.Quotes[index];
                if (q.Content.Contains(anchor))
                {
                    return q.Speaker;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A simple, documented score: a pattern match is surer than a bare verb, a named recipient than none, a CAMEO code
    /// with a PLOVER type than one without, the reporter's assertion than a speaker's claim.
    /// </summary>
    private static double Confidence(CodedEvent coded, CodeInfo? info, NewsEvent e)
    {
        double c = 0.55;
        if (coded.ByPattern)
        {
            c += 0.15;
        }

        if (e.Targets.Count > 0 || e.Reciprocal)
        {
            c += 0.1;
        }

        if (info?.Type is null)
        {
            c -= 0.15;
        }

        if (e.ClaimedBy is not null)
        {
            c -= 0.05;
        }

        if (coded.Future)
        {
            c -= 0.05;
        }

        return Math.Round(Math.Clamp(c, 0, 1), 2);
    }
}
