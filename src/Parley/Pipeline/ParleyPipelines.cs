using Parley.Nlp;
using Parley.Time;

namespace Parley.Pipeline;

/// <summary>The pipelines Parley ships, assembled from the components available in this build.</summary>
public static class ParleyPipelines
{
    /// <summary>The full analysis: every intake and every component, in dependency order.</summary>
    public static DocumentPipeline CreateDefault(Intake.IntakeOptions? options = null)
    {
        var builder = new PipelineBuilder { IntakeOptions = options ?? Intake.IntakeOptions.Default };
        builder.Add(new RuleSegmenter());
        builder.Add(new TimexTagger());
        return builder.Build();
    }
}
