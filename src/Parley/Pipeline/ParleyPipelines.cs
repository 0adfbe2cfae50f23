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
    public static DocumentPipeline CreateDefault(Intake.IntakeOptions? options = null, EventOptions? events = null)
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
        builder.Add(new EventComponent(events, [Layer.Sentences, Layer.Tokens, Layer.TimeExpressions]));
        return builder.Build();
    }
}
