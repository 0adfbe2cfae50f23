namespace Parley.Nlp;

/// <summary>The trained NLP model: every component in one file.</summary>
public sealed class NlpModel
{
    public const string DefaultFileName = "nlp-en.pmodel";
}
