using Parley.Documents;

namespace Parley.Pipeline;

/// <summary>One step of analysis: it reads the layers it requires and fills the layers it assigns.</summary>
public interface IDocumentComponent
{
    /// <summary>A short unique name ("sentences", "tagger").</summary>
    string Name { get; }

    IReadOnlyList<string> Requires { get; }

    IReadOnlyList<string> Assigns { get; }

    /// <summary>
    /// Layers this component adds items to without owning them (an event coder adding an actor entity
    /// that only its dictionary names). The owner, if any, must run earlier, or it would overwrite them.
    /// </summary>
    IReadOnlyList<string> Extends => [];

    /// <summary>Analyses one document in place. Must finish in time bounded by the document's size.</summary>
    void Process(NewsDocument document);
}
