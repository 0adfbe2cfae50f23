using System.Globalization;
using Parley.Documents;
using Parley.Events.Codebook;
using Parley.Events.Coding;
using Parley.Pipeline;

namespace Parley.Events;

/// <summary>
/// Codes political events (PLOVER type, mode and context with the CAMEO code) from each sentence and fills
/// <see cref="NewsDocument.Events"/>. It needs sentences and tokens; it uses, when the pipeline fills them, part-of-speech
/// tags and lemmas (to tell verbs from nouns), the dependency parse (subjects), entities with actors (who acts), time
/// expressions (when), and quotes (to tell what a speaker only claims from what the reporter asserts). Actors that only
/// a loaded actor dictionary or an agent noun names ("a senior official") are added to the entity layer, so that every
/// event's sources and targets index <see cref="NewsDocument.Entities"/>.
/// </summary>
public sealed class EventComponent : IDocumentComponent
{
    private readonly EventResources _resources;
    private readonly EventOptions _options;

    public EventComponent(EventOptions? options = null, IReadOnlyList<string>? requires = null)
    {
        _options = options ?? EventOptions.Default;
        _resources = EventResources.Load(_options);
        Requires = requires ?? [Layer.Sentences, Layer.Tokens];
    }

    public string Name => "events";

    public IReadOnlyList<string> Requires { get; }

    public IReadOnlyList<string> Assigns { get; } = [Layer.Events];

    /// <summary>Actors that only an event dictionary, the gazetteer or an agent noun names become entities too.</summary>
    public IReadOnlyList<string> Extends { get; } = [Layer.Mentions, Layer.Entities];

    public EventResources Resources => _resources;

    public void Process(NewsDocument document)
    {
        document.Events.Clear();
        if (StoryDiscarded(document))
        {
            return;
        }

        int? date = DocumentDateNumber(document);
        var finder = new ActorFinder(_resources.Actors);
        var mentionsBySentence = MentionsBySentence(document);
        // Without an entity layer, the world gazetteer names the countries, capitals and organisations that act.
        var gazetteer = document.Entities.Count == 0 ? GazetteerActors(document) : null;
        var builder = new EventBuilder(document, _options, mentionsBySentence, gazetteer?.Places);
        for (int s = 0; s < document.Sentences.Count; s++)
        {
            var sentence = CodingSentence.FromDocument(document, s);
            if (sentence.Count == 0 || SentenceDiscarded(sentence))
            {
                continue;
            }

            var known = gazetteer is null ? KnownActors(document, s, mentionsBySentence[s]) : gazetteer.Actors[s];
            foreach (var coded in CodeSentence(sentence, known, finder, date))
            {
                builder.Add(s, sentence, coded);
            }
        }

        builder.Finish();
    }

    /// <summary>Codes one sentence with every dictionary: an anchor word coded by a user dictionary is not coded again by Parley's own patterns.</summary>
    public List<CodedEvent> CodeSentence(CodingSentence sentence, IReadOnlyList<KnownActor> known, ActorFinder finder, int? date)
    {
        var actors = finder.Find(sentence, known, date);
        var result = new List<CodedEvent>();
        var anchored = new HashSet<int>();
        foreach (var coder in _resources.Coders)
        {
            var found = coder.Code(sentence, actors);
            var mine = new HashSet<int>();
            foreach (var e in found)
            {
                if (anchored.Contains(e.Anchor))
                {
                    continue;
                }

                mine.Add(e.Anchor);
                result.Add(e);
            }

            anchored.UnionWith(mine);
        }

        return result;
    }

    private bool StoryDiscarded(NewsDocument document)
    {
        if (_resources.Actors is not { Discards.Count: > 0 } dict)
        {
            return false;
        }

        for (int s = 0; s < document.Sentences.Count; s++)
        {
            var forms = CodingSentence.FromDocument(document, s).Forms;
            foreach (var (words, story) in dict.Discards)
            {
                if (story && Contains(forms, words))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool SentenceDiscarded(CodingSentence sentence)
    {
        if (_resources.Actors is not { Discards.Count: > 0 } dict)
        {
            return false;
        }

        foreach (var (words, story) in dict.Discards)
        {
            if (!story && Contains(sentence.Forms, words))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(string[] forms, string[] words)
    {
        for (int i = 0; i + words.Length <= forms.Length; i++)
        {
            if (forms.AsSpan(i, words.Length).SequenceEqual(words))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Mentions in sentence <paramref name="s"/> whose entity has an actor, as word ranges with the actor's code.</summary>
    internal static List<KnownActor> KnownActors(NewsDocument document, int s, List<int> mentions)
    {
        var result = new List<KnownActor>();
        var sentence = document.Sentences[s];
        foreach (int index in mentions)
        {
            var mention = document.Mentions[index];
            if (!sentence.Span.Contains(mention.Span) || mention.Entity < 0 || mention.Entity >= document.Entities.Count)
            {
                continue;
            }

            var entity = document.Entities[mention.Entity];
            if (ActorCode(entity.Actor) is not { } code)
            {
                continue;
            }

            var range = document.Tokens.Within(mention.Span);
            int start = range.Start.Value - sentence.FirstToken, end = range.End.Value - sentence.FirstToken;
            if (start >= 0 && end > start && end <= sentence.TokenCount)
            {
                result.Add(new KnownActor(start, end, code, mention.Entity));
            }
        }

        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        return result;
    }

    private sealed record GazetteerLayer(List<KnownActor>[] Actors, Dictionary<int, EventPlace> Places);

    /// <summary>Actors and places from the world gazetteer, by sentence, for pipelines without an entity layer.</summary>
    private static GazetteerLayer GazetteerActors(NewsDocument document)
    {
        var actors = new List<KnownActor>[document.Sentences.Count];
        for (int s = 0; s < actors.Length; s++)
        {
            actors[s] = [];
        }

        var places = new Dictionary<int, EventPlace>();
        var matches = Entities.Gazetteer.WorldGazetteer.Default.FindAll(document);
        if (matches.Count == 0)
        {
            return new GazetteerLayer(actors, places);
        }

        foreach (var r in Entities.Gazetteer.GazetteerDisambiguator.ResolveAll(document.Text, matches))
        {
            var entry = r.Entry;
            int s = document.SentenceAt(r.Match.Start);
            if (s < 0)
            {
                continue;
            }

            if (entry.IsPlace)
            {
                places.TryAdd(r.Match.Start, new EventPlace { Name = entry.Name, Country = entry.Country, Span = r.Match.Span });
            }

            var code = entry.Cameo ?? entry.Country;
            var range = document.Tokens.Within(r.Match.Span);
            var sentence = document.Sentences[s];
            int start = range.Start.Value - sentence.FirstToken, end = range.End.Value - sentence.FirstToken;
            if (code is { Length: >= 3 } && start >= 0 && end > start && end <= sentence.TokenCount)
            {
                actors[s].Add(new KnownActor(start, end, code.ToUpperInvariant(), -1));
            }
        }

        return new GazetteerLayer(actors, places);
    }

    /// <summary>The indices of the entity layer's mentions, by sentence (computed once: the layer grows as events add actors).</summary>
    private static List<int>[] MentionsBySentence(NewsDocument document)
    {
        var result = new List<int>[document.Sentences.Count];
        for (int s = 0; s < result.Length; s++)
        {
            result[s] = [];
        }

        for (int m = 0; m < document.Mentions.Count; m++)
        {
            int s = document.SentenceAt(document.Mentions[m].Start);
            if (s >= 0)
            {
                result[s].Add(m);
            }
        }

        return result;
    }

    /// <summary>The CAMEO-style code of an actor: its code, else its country followed by its sectors.</summary>
    public static string? ActorCode(Actor? actor)
    {
        if (actor is null)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(actor.Code))
        {
            return actor.Code.ToUpperInvariant();
        }

        if (string.IsNullOrEmpty(actor.Country) && actor.Sectors.Count == 0)
        {
            return null;
        }

        return (actor.Country ?? "---").ToUpperInvariant() + string.Concat(actor.Sectors).ToUpperInvariant();
    }

    /// <summary>The document's date as yyyymmdd (publication date, else a dated dateline), for dated dictionary codes.</summary>
    internal static int? DocumentDateNumber(NewsDocument document)
    {
        var value = DocumentDate(document);
        if (value is { Length: >= 10 } && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d.Year * 10000 + d.Month * 100 + d.Day;
        }

        return null;
    }

    /// <summary>The document's date as TIMEX3 text: the publication date, else the dateline when its year is known.</summary>
    internal static string? DocumentDate(NewsDocument document)
    {
        var published = document.Metadata.Published;
        if (!string.IsNullOrEmpty(published) && published.Length >= 10 && char.IsAsciiDigit(published[0]))
        {
            return published[..10];
        }

        var dateline = document.Metadata.Dateline?.DateValue;
        return dateline is not null && !dateline.StartsWith("XXXX", StringComparison.Ordinal) ? dateline : null;
    }
}
