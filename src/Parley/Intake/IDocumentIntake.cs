using Parley.Documents;

namespace Parley.Intake;

/// <summary>Turns raw input of one kind (plain text, HTML, ...) into a <see cref="NewsDocument"/>.</summary>
public interface IDocumentIntake
{
    /// <summary>The format name recorded in <see cref="DocumentMetadata.Format"/> ("text", "html").</summary>
    string Format { get; }

    /// <summary>How sure this intake is that it can read the content: 0 = not its kind, 100 = certain.</summary>
    int Sniff(ReadOnlySpan<byte> head, DocumentInput input);

    NewsDocument Read(DocumentInput input, byte[] bytes, IntakeOptions options);
}
