using Parley.Entities;
using Parley.Events;
using Parley.Nlp;
using Parley.Time;

namespace Parley.Pipeline;

/// <summary>The pipelines Parley ships, assembled from the components available in this build.</summary>
public static class ParleyPipelines
{
    /// <summary>
    /// The full analysis: every intake and every component, in dependency order. Tokens, sentences, tags,
    /// lemmas and dependencies come from the trained NLP model (models/nlp-en.pmodel); only when no model
    /// file can be found does the rule segmenter stand in, and then there are no tags or dependencies.
    /// </summary>
    /// <param name="options">Limits for reading inputs.</param>
    /// <param name="events">Options of the event coder (its dictionaries), or null for the defaults.</param>
    /// <param name="actorDictionary">A user's actor dictionary (PETRARCH/Phoenix format) for resolving entities, or null.</param>
    public static DocumentPipeline CreateDefault(Intake.IntakeOptions? options = null, EventOptions? events = null, ActorDictionary? actorDictionary = null)
    {
        var builder = new PipelineBuilder { IntakeOptions = options ?? Intake.IntakeOptions.Default };
        if (NlpModel.Default is { } model)
        {
            builder.Add(new LearnedSegmenter(model));
            builder.Add(new UdAnalyzer(model));
        }
        else
        {
            builder.Add(new RuleSegmenter());
        }

        builder.Add(new TimexTagger());
        AddEntities(builder, actorDictionary);
        builder.Add(new EventComponent(events, [Layer.Sentences, Layer.Tokens, Layer.TimeExpressions]));
        return builder.Build();
    }

    /// <summary>Named entities, nominal and pronoun mentions, then entities and actors; nothing when models/ has no recogniser.</summary>
    public static void AddEntities(PipelineBuilder builder, ActorDictionary? actorDictionary)
    {
        if (EntityRecognizer.TryLoadDefault() is not { } model)
        {
            return;
        }

        var knowledge = EntityRecognizer.DefaultKnowledge();
        builder.Add(new EntityRecognizer(model, knowledge));
        builder.Add(new EntityLinker(knowledge, actorDictionary));
    }
}
