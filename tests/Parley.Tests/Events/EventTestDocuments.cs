using Parley.Documents;
using Parley.Events;
using Parley.Intake;
using Parley.Nlp;
using Parley.Pipeline;

namespace Parley.Tests.Events;

/// <summary>Small hand-made documents: real tokens and sentences, with entities and actors placed by hand.</summary>
internal static class EventTestDocuments
{
    private static readonly DocumentPipeline Segmenter = new PipelineBuilder().Add(new RuleSegmenter()).Build();

    /// <summary>
    /// Tokenises <paramref name="text"/> and adds an entity with an actor for each (surface, code) pair, at every place
    /// the surface occurs. A code of three letters is a country; longer codes carry sectors ("RUSGOV").
    /// </summary>
    public static NewsDocument Build(string text, params (string Surface, string Code)[] actors) => Build(text, null, actors);

    public static NewsDocument Build(string text, string? published, params (string Surface, string Code)[] actors)
    {
        var d = Segmenter.Process(DocumentInput.FromText("test", text));
        d.Metadata.Published = published;
        foreach (var (surface, code) in actors)
        {
            AddEntity(d, surface, code, code.Length == 3 ? "LOC" : "PER");
        }

        return d;
    }

    public static int AddEntity(NewsDocument d, string surface, string code, string type)
    {
        var entity = new Entity
        {
            Id = d.Entities.Count,
            Type = type,
            Name = surface,
            Actor = new Actor { Code = code, Country = code[..3], Sectors = Enumerable.Range(1, code.Length / 3 - 1).Select(i => code.Substring(i * 3, 3)).ToList() },
        };
        d.Entities.Add(entity);
        int at = 0;
        while ((at = d.Text.IndexOf(surface, at, StringComparison.Ordinal)) >= 0)
        {
            d.Mentions.Add(new Mention { Start = at, Length = surface.Length, Type = type, Kind = MentionKind.Name, Entity = entity.Id });
            entity.Mentions.Add(d.Mentions.Count - 1);
            at += surface.Length;
        }

        return entity.Id;
    }

    public static NewsDocument Code(NewsDocument d, EventOptions? options = null)
    {
        new EventComponent(options).Process(d);
        return d;
    }

    /// <summary>"SOURCE>TARGET:CODE" for each event (sources and targets by actor code), for compact assertions.</summary>
    public static List<string> Summaries(NewsDocument d) => d.Events.Select(e =>
        $"{string.Join("+", e.Sources.Select(i => EventComponent.ActorCode(d.Entities[i].Actor)))}" +
        $"{(e.Reciprocal ? "<>" : ">")}{string.Join("+", e.Targets.Select(i => EventComponent.ActorCode(d.Entities[i].Actor)))}:{e.Cameo}").ToList();
}
