using Parley.Events.Coding;
using Parley.Events.Dictionaries;

namespace Parley.Events;

/// <summary>
/// Which dictionaries code events. Parley's own verb and noun patterns are always used unless
/// <see cref="UseBuiltInPatterns"/> is false; users may add PETRARCH verb dictionaries (the "verbpatterns"
/// format) and actor, agent and discard files.
/// </summary>
public sealed record EventOptions
{
    public static EventOptions Default { get; } = new();

    public bool UseBuiltInPatterns { get; init; } = true;

    public IReadOnlyList<string> VerbDictionaries { get; init; } = [];

    public IReadOnlyList<string> ActorDictionaries { get; init; } = [];

    public IReadOnlyList<string> AgentDictionaries { get; init; } = [];

    public IReadOnlyList<string> DiscardLists { get; init; } = [];

    /// <summary>Events below this confidence are not kept.</summary>
    public double MinimumConfidence { get; init; } = 0.3;
}

/// <summary>The loaded dictionaries, shared read-only by every document the component codes.</summary>
public sealed class EventResources
{
    private EventResources(IReadOnlyList<EventCoder> coders, ActorDictionary? actors)
    {
        Coders = coders;
        Actors = actors;
    }

    /// <summary>User dictionaries first, then Parley's own patterns: the first coder to code an anchor word wins.</summary>
    public IReadOnlyList<EventCoder> Coders { get; }

    public ActorDictionary? Actors { get; }

    public static EventResources Load(EventOptions options)
    {
        var coders = new List<EventCoder>();
        foreach (var path in options.VerbDictionaries)
        {
            coders.Add(new EventCoder(VerbDictionary.Load(path), CodingRules.Petrarch));
        }

        if (options.UseBuiltInPatterns)
        {
            coders.Add(new EventCoder(BuiltInPatterns.Load(), CodingRules.Plover));
        }

        ActorDictionary? actors = null;
        if (options.ActorDictionaries.Count + options.AgentDictionaries.Count + options.DiscardLists.Count > 0)
        {
            actors = new ActorDictionary();
            foreach (var path in options.ActorDictionaries)
            {
                actors.LoadActors(path);
            }

            foreach (var path in options.AgentDictionaries)
            {
                actors.LoadAgents(path);
            }

            foreach (var path in options.DiscardLists)
            {
                actors.LoadDiscards(path);
            }
        }

        if (options.UseBuiltInPatterns)
        {
            actors ??= new ActorDictionary();
            BuiltInPatterns.AddAgents(actors);
        }

        return new EventResources(coders, actors);
    }
}

/// <summary>Parley's own verb and noun patterns and agent nouns, embedded in the engine.</summary>
public static class BuiltInPatterns
{
    public const string VerbsResource = "Parley.Events.Patterns.plover-patterns.txt";
    public const string AgentsResource = "Parley.Events.Patterns.agents.txt";

    private static readonly Lazy<VerbDictionary> Patterns = new(() =>
    {
        using var reader = Open(VerbsResource);
        return VerbDictionary.Read(reader, "parley-patterns", matchLemmas: true);
    });

    public static VerbDictionary Load() => Patterns.Value;

    public static void AddAgents(ActorDictionary dictionary)
    {
        using var reader = Open(AgentsResource);
        dictionary.ReadAgents(reader);
    }

    private static StreamReader Open(string name)
    {
        var stream = typeof(BuiltInPatterns).Assembly.GetManifestResourceStream(name)
            ?? throw new ParleyException(ErrorCode.ModelMissing, $"the embedded pattern file '{name}' is missing from this build");
        return new StreamReader(stream);
    }
}
