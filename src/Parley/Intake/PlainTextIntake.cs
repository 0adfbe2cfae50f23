using Parley.Documents;
using Parley.Intake.Decoding;
using Parley.Intake.Text;

namespace Parley.Intake;

/// <summary>
/// Reads plain text, such as a scraped and machine-translated report, and repairs what scraping and
/// translation left behind: broken characters and quote marks, headings and paragraphs glued together,
/// the dateline inside the body, and site furniture at the end. Each repair is recorded as a flag.
/// </summary>
public sealed class PlainTextIntake : IDocumentIntake
{
    public const string FormatName = "text";

    /// <summary>How far into the body a dateline is looked for, in paragraphs.</summary>
    private const int DatelineSearchParagraphs = 3;

    public string Format => FormatName;

    public int Sniff(ReadOnlySpan<byte> head, DocumentInput input) => 1;

    public NewsDocument Read(DocumentInput input, byte[] bytes, IntakeOptions options)
    {
        var decoded = TextDecoder.Decode(bytes, input.Id);
        var metadata = new DocumentMetadata { Encoding = decoded.Encoding, Format = FormatName };
        var document = ReadText(decoded.Text, metadata, options);
        if (document.Text.Length == 0)
        {
            throw new ParleyException(ErrorCode.EmptyInput, $"{input.Id} has no text once whitespace and control characters are removed");
        }

        return document;
    }

    /// <summary>Builds a document from already decoded text.</summary>
    public static NewsDocument ReadText(string text, DocumentMetadata metadata, IntakeOptions? options = null)
    {
        options ??= IntakeOptions.Default;
        var flags = new List<PendingFlag>();
        var tracked = CharacterRepair.Apply(new TrackedText(text), flags);
        var paragraphs = ParagraphSplitter.Split(tracked);

        if (options.RemoveFurniture)
        {
            int furniture = FurnitureDetector.TrailingCount(paragraphs);
            for (int i = paragraphs.Count - furniture; i < paragraphs.Count; i++)
            {
                var p = paragraphs[i];
                metadata.Furniture.Add(p.Text);
                flags.Add(new PendingFlag(QualityFlagKinds.Furniture, p.OriginAt(0), 0, p.Text, "site furniture removed from the body"));
            }

            paragraphs.RemoveRange(paragraphs.Count - furniture, furniture);
        }

        var blocks = new List<Block>();
        int first = 0;
        if (paragraphs.Count > 0 && BlockClassifier.IsTitle(paragraphs[0].Text, paragraphs.Count - 1))
        {
            blocks.Add(new Block(BlockKind.Title, paragraphs[0]));
            first = 1;
        }

        string whole = tracked.Text;
        for (int i = first; i < paragraphs.Count; i++)
        {
            var paragraph = paragraphs[i];
            if (metadata.Dateline is null && i < first + DatelineSearchParagraphs)
            {
                paragraph = TakeDateline(paragraph, i == first, metadata, flags, blocks, whole);
            }

            foreach (var block in GlueRepair.Split(paragraph, flags, whole))
            {
                blocks.Add(block);
            }
        }

        MarkStandaloneHeadings(blocks);
        return DocumentAssembler.Build(blocks, flags, metadata);
    }

    /// <summary>Removes the dateline from the paragraph; text before it becomes a paragraph of its own.</summary>
    private static TrackedText TakeDateline(TrackedText paragraph, bool startsBody, DocumentMetadata metadata,
        List<PendingFlag> flags, List<Block> blocks, string whole)
    {
        var match = DatelineParser.Find(paragraph.Text, startsBody);
        if (match is null)
        {
            return paragraph;
        }

        match.Dateline.OriginalOffset = paragraph.OriginAt(match.Index);
        metadata.Dateline = match.Dateline;
        flags.Add(new PendingFlag(QualityFlagKinds.Dateline, paragraph.OriginAt(match.Index), 0, match.Dateline.Raw,
            "dateline moved from the body into the metadata"));
        if (match.Index > 0)
        {
            blocks.AddRange(GlueRepair.Split(paragraph.Slice(0, match.Index), flags, whole));
        }

        return paragraph.Slice(match.Index + match.Length);
    }

    private static void MarkStandaloneHeadings(List<Block> blocks)
    {
        // A line in another script than the body is a quotation or a slogan, not a heading.
        var bodyScript = Scripts.Dominant(string.Concat(blocks.Select(b => b.Text.Text)));
        for (int i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            bool betweenParagraphs = i > 0 && i + 1 < blocks.Count && blocks[i + 1].Kind == BlockKind.Paragraph;
            if (block.Kind == BlockKind.Paragraph && betweenParagraphs && Scripts.Dominant(block.Text.Text) == bodyScript &&
                BlockClassifier.IsStandaloneHeading(block.Text.Text, blocks[i + 1].Text.Text))
            {
                blocks[i] = block with { Kind = BlockKind.Heading };
            }
        }
    }
}
