using System.Security.Cryptography;
using System.Text;

namespace Parley.Documents;

/// <summary>
/// One news report. It owns the normalised text; every layer is a list of spans over that text
/// (character offsets), never a copy of it. The text is laid out as the title, then each section's
/// heading and paragraphs, separated by blank lines, so that a span of any layer can be shown in place.
/// </summary>
public sealed class NewsDocument
{
    private string? _contentHash;

    public NewsDocument(string text)
    {
        Text = text;
    }

    /// <summary>The normalised text that every span points into.</summary>
    public string Text { get; }

    public DocumentMetadata Metadata { get; set; } = new();

    /// <summary>Where the title lies in <see cref="Text"/>, when the title is part of it.</summary>
    public TextSpan? TitleSpan { get; set; }

    public List<Section> Sections { get; set; } = [];

    public List<SentenceData> Sentences { get; set; } = [];

    public TokenLayer Tokens { get; } = new();

    public List<Mention> Mentions { get; set; } = [];

    public List<Entity> Entities { get; set; } = [];

    public List<TimeExpression> TimeExpressions { get; set; } = [];

    public List<Quote> Quotes { get; set; } = [];

    public List<NewsEvent> Events { get; set; } = [];

    public List<QualityFlag> Flags { get; set; } = [];

    /// <summary>Names of the layers that have been filled (see <see cref="Pipeline.Layer"/>).</summary>
    public HashSet<string> Layers { get; } = new(StringComparer.Ordinal);

    /// <summary>A stable identifier of the text: the first 16 hex digits of its SHA-256.</summary>
    public string ContentHash => _contentHash ??= ComputeHash(Text);

    public string this[TextSpan span] => Text.Substring(span.Start, span.Length);

    public ReadOnlySpan<char> Slice(TextSpan span) => Text.AsSpan(span.Start, span.Length);

    public Token Token(int index) => new(this, index);

    /// <summary>All paragraphs in text order, across sections.</summary>
    public IEnumerable<TextSpan> Paragraphs => Sections.SelectMany(s => s.Paragraphs);

    /// <summary>Index of the sentence containing <paramref name="offset"/>, or -1.</summary>
    public int SentenceAt(int offset)
    {
        int lo = 0, hi = Sentences.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var s = Sentences[mid];
            if (offset < s.Start)
            {
                hi = mid - 1;
            }
            else if (offset >= s.Start + s.Length)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }

    private static string ComputeHash(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }
}
