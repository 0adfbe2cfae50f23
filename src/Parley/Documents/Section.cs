namespace Parley.Documents;

/// <summary>A run of paragraphs under an optional heading. The first section of a report usually has none.</summary>
public sealed class Section
{
    public TextSpan? Heading { get; set; }

    public List<TextSpan> Paragraphs { get; set; } = [];
}
