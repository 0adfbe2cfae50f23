namespace Parley.Pipeline;

/// <summary>Names of the document layers that components require and assign.</summary>
public static class Layer
{
    /// <summary>Normalised text, metadata, sections and quality flags: what every intake assigns.</summary>
    public const string Text = "text";
    public const string Metadata = "metadata";
    public const string Sections = "sections";
    public const string Flags = "flags";

    public const string Sentences = "sentences";
    public const string Tokens = "tokens";
    public const string Tags = "tags";
    public const string Morphology = "morphology";
    public const string Lemmas = "lemmas";
    public const string Dependencies = "dependencies";
    public const string Mentions = "mentions";
    public const string Entities = "entities";
    public const string Actors = "actors";
    public const string TimeExpressions = "time-expressions";
    public const string Quotes = "quotes";
    public const string Events = "events";

    /// <summary>What the intake stage assigns before any component runs.</summary>
    public static readonly IReadOnlyList<string> FromIntake = [Text, Metadata, Sections, Flags];
}
