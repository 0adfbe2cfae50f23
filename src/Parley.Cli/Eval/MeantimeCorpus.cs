using System.Globalization;
using System.Text;
using System.Xml;
using Parley.Documents;

namespace Parley.Cli.Eval;

/// <summary>A gold TIMEX3 of MEANTIME, located in the rebuilt text.</summary>
internal sealed record GoldTimex(int Start, int End, string Type, string Value);

/// <summary>One MEANTIME article rebuilt as a Parley document, with its gold time expressions.</summary>
internal sealed record MeantimeDocument(int Id, string Name, NewsDocument Document, string? CreationTime, TextSpan DateLine, TextSpan Annotated, List<GoldTimex> Gold);

/// <summary>
/// Reads the NewsReader MEANTIME corpus (English, CAT XML: tokens with sentence numbers, TIMEX3 markables
/// anchored to tokens). Each article becomes a document whose title is sentence 0, whose first paragraph is the
/// date line (sentence 1, the document creation time) and whose other sentences are one paragraph each. Tokens
/// are joined with the spacing of ordinary text ("Dec. 10, 2013", "U.S.'s"). The creation time, when it is a
/// valid ISO date, becomes the publication date, as TempEval gives systems the DCT.
/// <para>
/// MEANTIME annotates time expressions only in the title and the first sentences of each article (sentence
/// numbers 0 to <see cref="LastAnnotatedSentence"/>; no TIMEX3 lies beyond it in any document), so only that
/// part, <see cref="MeantimeDocument.Annotated"/>, is scored; the whole article is still analysed.
/// </para>
/// </summary>
internal static class MeantimeCorpus
{
    public const int LastAnnotatedSentence = 5;

    public static List<MeantimeDocument> Load(string directory)
    {
        var files = Directory.EnumerateFiles(directory, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var docs = new List<MeantimeDocument>(files.Count);
        foreach (var file in files)
        {
            docs.Add(Read(file));
        }

        docs.Sort((a, b) => a.Id.CompareTo(b.Id));
        return docs;
    }

    public static MeantimeDocument Read(string path)
    {
        var xml = new XmlDocument { XmlResolver = null };
        using (var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }))
        {
            xml.Load(reader);
        }

        var root = xml.DocumentElement ?? throw new ParleyException(ErrorCode.MalformedInput, $"{path}: no root element");
        int id = int.Parse(root.GetAttribute("doc_id"), CultureInfo.InvariantCulture);
        string name = root.GetAttribute("doc_name");

        // Tokens by id, grouped by sentence in order.
        var tokens = new List<(string Id, int Sentence, string Text)>();
        foreach (XmlElement t in root.GetElementsByTagName("token"))
        {
            tokens.Add((t.GetAttribute("t_id"), int.Parse(t.GetAttribute("sentence"), CultureInfo.InvariantCulture), t.InnerText));
        }

        var sb = new StringBuilder();
        var offsets = new Dictionary<string, (int Start, int End)>(tokens.Count);
        var blocks = new List<(int Sentence, TextSpan Span)>();
        int blockStart = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            var (tid, sentence, text) = tokens[i];
            bool newBlock = i == 0 || tokens[i - 1].Sentence != sentence;
            if (newBlock && i > 0)
            {
                blocks.Add((tokens[i - 1].Sentence, TextSpan.FromBounds(blockStart, sb.Length)));
                sb.Append("\n\n");
                blockStart = sb.Length;
            }
            else if (!newBlock && NeedsSpace(tokens[i - 1].Text, text))
            {
                sb.Append(' ');
            }

            offsets[tid] = (sb.Length, sb.Length + text.Length);
            sb.Append(text);
        }

        if (tokens.Count > 0)
        {
            blocks.Add((tokens[^1].Sentence, TextSpan.FromBounds(blockStart, sb.Length)));
        }

        var document = new NewsDocument(sb.ToString());
        document.Metadata.Source = Path.GetFileName(path);
        document.Metadata.Language = "en";
        document.Metadata.Format = "meantime";
        var section = new Section();
        var dateLine = default(TextSpan);
        int annotatedEnd = 0;
        foreach (var (sentence, span) in blocks)
        {
            if (sentence <= LastAnnotatedSentence)
            {
                annotatedEnd = span.End;
            }

            if (sentence == 0)
            {
                document.TitleSpan = span;
                document.Metadata.Title = document[span];
            }
            else
            {
                section.Paragraphs.Add(span);
                if (sentence == 1)
                {
                    dateLine = span;
                }
            }
        }

        document.Sections.Add(section);
        foreach (var layer in Pipeline.Layer.FromIntake)
        {
            document.Layers.Add(layer);
        }

        string? creation = null;
        var gold = new List<GoldTimex>();
        foreach (XmlElement timex in root.GetElementsByTagName("TIMEX3"))
        {
            var anchors = timex.GetElementsByTagName("token_anchor");
            if (timex.GetAttribute("functionInDocument") == "CREATION_TIME")
            {
                creation = timex.GetAttribute("value");
                continue;
            }

            // Timexes without tokens are implicit (inferred by annotators) and have no extent to find.
            if (anchors.Count == 0)
            {
                continue;
            }

            int start = int.MaxValue, end = -1;
            foreach (XmlElement a in anchors)
            {
                if (offsets.TryGetValue(a.GetAttribute("t_id"), out var o))
                {
                    start = Math.Min(start, o.Start);
                    end = Math.Max(end, o.End);
                }
            }

            if (end > start)
            {
                gold.Add(new GoldTimex(start, end, timex.GetAttribute("type"), timex.GetAttribute("value").Trim()));
            }
        }

        gold.Sort((a, b) => a.Start.CompareTo(b.Start));
        if (creation is not null && DateOnly.TryParseExact(creation, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            document.Metadata.Published = creation;
        }

        return new MeantimeDocument(id, name, document, creation, dateLine, TextSpan.FromBounds(0, annotatedEnd), gold);
    }

    /// <summary>Whether ordinary text puts a space between two tokens.</summary>
    private static bool NeedsSpace(string previous, string next)
    {
        if (next is "," or "." or ";" or ":" or "!" or "?" or ")" or "]" or "%" or "'s" or "’s" or "'" or "n't" or "'re" or "'ve" or "'ll" or "'d" or "'m")
        {
            return false;
        }

        return previous is not ("(" or "[" or "$" or "``" or "#");
    }
}
