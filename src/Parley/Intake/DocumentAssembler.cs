using Parley.Documents;

namespace Parley.Intake;

public enum BlockKind
{
    Title,
    Heading,
    Paragraph,
}

/// <summary>One block of a report as an intake found it, with the origin of every character.</summary>
internal sealed record Block(BlockKind Kind, TrackedText Text);

/// <summary>A repair or finding, located in the original input; placed in the final text at assembly.</summary>
internal sealed record PendingFlag(string Kind, int OriginalOffset, int OriginalLength, string? Original, string? Message);

/// <summary>
/// Builds a <see cref="NewsDocument"/> from blocks: joins them with blank lines, collapses whitespace
/// inside each, turns headings into sections, and places every flag by the origin of its characters.
/// Shared by all intakes so that plain text and HTML produce the same document shape.
/// </summary>
internal static class DocumentAssembler
{
    public const string BlockSeparator = "\n\n";

    public static NewsDocument Build(IEnumerable<Block> blocks, IEnumerable<PendingFlag> flags, DocumentMetadata metadata)
    {
        var kept = new List<Block>();
        foreach (var block in blocks)
        {
            var text = CollapseWhitespace(block.Text);
            if (text.Length > 0)
            {
                kept.Add(block with { Text = text });
            }
        }

        var joined = TrackedText.Join(BlockSeparator, kept.Select(b => b.Text).ToList());
        var document = new NewsDocument(joined.Text) { Metadata = metadata };

        int pos = 0;
        Section? current = null;
        foreach (var block in kept)
        {
            var span = new TextSpan(pos, block.Text.Length);
            switch (block.Kind)
            {
                case BlockKind.Title when document.TitleSpan is null:
                    document.TitleSpan = span;
                    metadata.Title ??= block.Text.Text;
                    break;
                case BlockKind.Heading:
                    current = new Section { Heading = span };
                    document.Sections.Add(current);
                    break;
                default:
                    if (current is null)
                    {
                        current = new Section();
                        document.Sections.Add(current);
                    }

                    current.Paragraphs.Add(span);
                    break;
            }

            pos += block.Text.Length + BlockSeparator.Length;
        }

        foreach (var flag in flags.OrderBy(f => f.OriginalOffset))
        {
            int start = joined.IndexOfOrigin(flag.OriginalOffset);
            int end = flag.OriginalLength == 0 ? start : Math.Max(start, joined.IndexOfOrigin(flag.OriginalOffset + flag.OriginalLength));
            document.Flags.Add(new QualityFlag
            {
                Kind = flag.Kind,
                Start = start,
                Length = end - start,
                Original = flag.Original,
                OriginalOffset = flag.OriginalOffset,
                Message = flag.Message,
            });
        }

        return document;
    }

    /// <summary>Runs of spaces, tabs and line breaks inside a block become one space; ends are trimmed.</summary>
    internal static TrackedText CollapseWhitespace(TrackedText text)
    {
        var edits = new List<TextEdit>();
        string s = text.Text;
        int i = 0;
        while (i < s.Length)
        {
            if (!char.IsWhiteSpace(s[i]))
            {
                i++;
                continue;
            }

            int j = i;
            while (j < s.Length && char.IsWhiteSpace(s[j]))
            {
                j++;
            }

            bool atEdge = i == 0 || j == s.Length;
            string replacement = atEdge ? "" : " ";
            if (j - i != replacement.Length || (replacement.Length == 1 && s[i] != ' '))
            {
                edits.Add(new TextEdit(i, j - i, replacement));
            }

            i = j;
        }

        return text.Apply(edits);
    }
}
