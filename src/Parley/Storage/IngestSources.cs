using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using Parley.Documents;
using Parley.Intake;

namespace Parley.Storage;

/// <summary>
/// One thing to ingest: raw input for the pipeline, or a document that was analysed already
/// (Parley JSON from <c>parley analyze --format jsonl</c>), which is stored as it is.
/// </summary>
public sealed class IngestItem
{
    public IngestItem(string id, Func<DocumentInput> load)
    {
        Id = id;
        LoadInput = load;
    }

    public IngestItem(string id, Func<NewsDocument> analysed)
    {
        Id = id;
        LoadAnalysed = analysed;
    }

    public string Id { get; }

    public Func<DocumentInput>? LoadInput { get; }

    public Func<NewsDocument>? LoadAnalysed { get; }
}

/// <summary>A file that yields one or more items, with how many it will yield (for progress).</summary>
public sealed record IngestSource(string Path, int Count, Func<IEnumerable<IngestItem>> Items);

/// <summary>
/// Turns paths into things to ingest: article files (.html, .html.gz, .txt, ...), JSON Lines of
/// {url, html|text, published} or of Parley documents, and RSS/Atom feeds. Directories are walked in
/// name order. Feeds are parsed with DTDs refused, so an entity bomb cannot expand.
/// </summary>
public static class IngestSources
{
    private static readonly string[] ArticleExtensions = [".txt", ".text", ".htm", ".html", ".xhtml", ".gz", ".md", ""];
    private static readonly string[] LineExtensions = [".jsonl", ".ndjson"];
    private static readonly string[] FeedExtensions = [".rss", ".atom", ".xml"];

    public static List<IngestSource> Expand(IEnumerable<string> paths, IntakeOptions options)
    {
        var sources = new List<IngestSource>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var walk = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };
                foreach (var file in Directory.EnumerateFiles(path, "*", walk).Where(IsIngestible).Order(StringComparer.Ordinal))
                {
                    sources.Add(ForFile(file, options));
                }
            }
            else
            {
                sources.Add(ForFile(path, options));
            }
        }

        return sources;
    }

    private static bool IsIngestible(string file)
    {
        string name = Path.GetFileName(file);
        string ext = Path.GetExtension(file).ToLowerInvariant();
        return !name.StartsWith('.') && (ArticleExtensions.Contains(ext) || LineExtensions.Contains(ext) || FeedExtensions.Contains(ext) || ext == ".json");
    }

    private static IngestSource ForFile(string path, IntakeOptions options)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        if (LineExtensions.Contains(ext) && File.Exists(path))
        {
            return new IngestSource(path, CountLines(path), () => ReadLines(path, options));
        }

        if (ext == ".json" && File.Exists(path))
        {
            return new IngestSource(path, 1, () => [new IngestItem(path, () => ReadParleyJson(path, options))]);
        }

        if ((FeedExtensions.Contains(ext) || LooksLikeFeed(path)) && File.Exists(path))
        {
            return new IngestSource(path, CountFeedItems(path), () => ReadFeed(path, options));
        }

        return new IngestSource(path, 1, () => [new IngestItem(path, () => DocumentInput.FromFile(path, options))]);
    }

    /// <summary>Reads one JSON Lines record: a Parley document, or {url, html|text, published}.</summary>
    public static IngestItem FromRecord(string id, string line, IntakeOptions options)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            return Failing(id, $"not valid JSON ({e.Message})");
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Failing(id, $"a record must be a JSON object with \"html\" or \"text\"");
            }

            if (root.TryGetProperty("parley", out _))
            {
                return new IngestItem(id, () => DocumentJson.Deserialize(line));
            }

            string? html = StringProperty(root, "html");
            string? text = StringProperty(root, "text");
            string? url = StringProperty(root, "url");
            string? published = StringProperty(root, "published");
            if (html is null && text is null)
            {
                return Failing(id, $"the record has neither \"html\" nor \"text\"");
            }

            byte[] bytes = Encoding.UTF8.GetBytes(html ?? text!);
            if (bytes.Length > options.MaxInputBytes)
            {
                return Failing(id, $"the record is {bytes.Length:N0} bytes; the limit is {options.MaxInputBytes:N0}", ErrorCode.InputTooLarge);
            }

            var input = new DocumentInput(url ?? id, bytes) { Url = url, Published = published, MediaType = html is null ? "text/plain" : "text/html" };
            return new IngestItem(id, () => input);
        }
    }

    private static IEnumerable<IngestItem> ReadLines(string path, IntakeOptions options)
    {
        using var reader = OpenText(path);
        int number = 0;
        while (ReadBoundedLine(reader, options.MaxInputBytes) is { } line)
        {
            number++;
            if (line.Length == 0 || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string id = $"{path}:{number}";
            yield return line.Length > options.MaxInputBytes
                ? Failing(id, $"the line is longer than {options.MaxInputBytes:N0} characters", ErrorCode.InputTooLarge)
                : FromRecord(id, line, options);
        }
    }

    /// <summary>Reads a line, keeping at most <paramref name="limit"/> + 1 characters of it so a file with no newlines cannot exhaust memory.</summary>
    private static string? ReadBoundedLine(StreamReader reader, long limit)
    {
        var sb = new StringBuilder();
        int c;
        bool any = false;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            if (c == '\n')
            {
                break;
            }

            if (sb.Length <= limit)
            {
                sb.Append((char)c);
            }
        }

        if (!any)
        {
            return null;
        }

        if (sb.Length > 0 && sb[^1] == '\r')
        {
            sb.Length--;
        }

        return sb.ToString();
    }

    private static NewsDocument ReadParleyJson(string path, IntakeOptions options)
    {
        var input = DocumentInput.FromFile(path, options);
        return DocumentJson.Deserialize(Encoding.UTF8.GetString(input.Bytes));
    }

    private static IEnumerable<IngestItem> ReadFeed(string path, IntakeOptions options)
    {
        List<FeedItem> items;
        string? error = null;
        var code = ErrorCode.MalformedInput;
        try
        {
            items = ParseFeed(DocumentInput.FromFile(path, options).Bytes);
        }
        catch (ParleyException e)
        {
            items = [];
            error = e.Detail;
            code = e.Code;
        }
        catch (XmlException e)
        {
            items = [];
            error = $"{path}: not a readable RSS or Atom feed ({e.Message})";
        }

        if (error is not null)
        {
            yield return new IngestItem(path, (Func<DocumentInput>)(() => throw new ParleyException(code, error)));
            yield break;
        }

        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            string id = item.Link ?? $"{path}#{i + 1}";
            bool markup = item.Body.Contains('<');
            string content = markup
                ? $"<!DOCTYPE html><html><head><title>{Escape(item.Title)}</title></head><body><h1>{Escape(item.Title)}</h1>{item.Body}</body></html>"
                : item.Title + "\n\n" + item.Body;
            var input = new DocumentInput(id, Encoding.UTF8.GetBytes(content))
            {
                Url = item.Link,
                Published = item.Published,
                MediaType = markup ? "text/html" : "text/plain",
            };
            yield return new IngestItem($"{path}#{i + 1}", () => input);
        }
    }

    private sealed record FeedItem(string Title, string Body, string? Link, string? Published);

    /// <summary>Reads RSS 2.0 items and Atom entries: title, link, date and the fullest content given.</summary>
    private static List<FeedItem> ParseFeed(byte[] bytes)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, MaxCharactersInDocument = bytes.Length * 4L + 1024 };
        var doc = new XmlDocument { XmlResolver = null };
        using (var reader = XmlReader.Create(new MemoryStream(bytes), settings))
        {
            doc.Load(reader);
        }

        var result = new List<FeedItem>();
        foreach (XmlNode node in doc.GetElementsByTagName("*"))
        {
            if (node is not XmlElement e || (e.LocalName != "item" && e.LocalName != "entry"))
            {
                continue;
            }

            string title = Child(e, "title") ?? "";
            string body = Child(e, "encoded") ?? Child(e, "content") ?? Child(e, "description") ?? Child(e, "summary") ?? "";
            string? link = Child(e, "link");
            if (string.IsNullOrWhiteSpace(link))
            {
                link = e.ChildNodes.OfType<XmlElement>().FirstOrDefault(c => c.LocalName == "link" && c.GetAttribute("rel") is "" or "alternate")?.GetAttribute("href");
            }

            string? date = Child(e, "pubDate") ?? Child(e, "published") ?? Child(e, "updated") ?? Child(e, "date");
            if (title.Length + body.Length > 0)
            {
                result.Add(new FeedItem(title.Trim(), body.Trim(), string.IsNullOrWhiteSpace(link) ? null : link.Trim(), IsoDate(date)));
            }
        }

        return result;
    }

    private static string? Child(XmlElement e, string localName) =>
        e.ChildNodes.OfType<XmlElement>().FirstOrDefault(c => c.LocalName == localName) is { } c && c.InnerText.Length > 0 ? c.InnerText : null;

    /// <summary>RSS dates are RFC 822 ("Fri, 06 Mar 2009 10:00:00 +0300"), Atom dates ISO 8601; both become ISO 8601.</summary>
    internal static string? IsoDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        string v = value.Trim();
        string[] formats = ["ddd, d MMM yyyy HH:mm:ss zzz", "ddd, dd MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm zzz"];
        string numericZone = System.Text.RegularExpressions.Regex.Replace(v, @"([+-]\d\d)(\d\d)$", "$1:$2");
        if (DateTimeOffset.TryParseExact(numericZone, formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var exact)
            || DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out exact))
        {
            return exact.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        }

        return null;
    }

    private static bool LooksLikeFeed(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        var head = new byte[1024];
        int n;
        using (var f = File.OpenRead(path))
        {
            n = f.Read(head, 0, head.Length);
        }

        string s = Encoding.UTF8.GetString(head, 0, n);
        return s.Contains("<rss", StringComparison.Ordinal) || s.Contains("<feed", StringComparison.Ordinal) && s.Contains("Atom", StringComparison.OrdinalIgnoreCase);
    }

    private static int CountLines(string path)
    {
        int count = 0;
        bool content = false;
        using var f = File.OpenRead(path);
        var buffer = new byte[65536];
        int n;
        while ((n = f.Read(buffer, 0, buffer.Length)) > 0)
        {
            foreach (byte b in buffer.AsSpan(0, n))
            {
                if (b == (byte)'\n')
                {
                    count += content ? 1 : 0;
                    content = false;
                }
                else if (b is not ((byte)' ' or (byte)'\r' or (byte)'\t'))
                {
                    content = true;
                }
            }
        }

        return count + (content ? 1 : 0);
    }

    private static int CountFeedItems(string path)
    {
        try
        {
            string text = File.ReadAllText(path);
            int items = CountOf(text, "<item") + CountOf(text, "<entry");
            return Math.Max(1, items);
        }
        catch (IOException)
        {
            return 1;
        }
    }

    private static int CountOf(string text, string tag)
    {
        int count = 0, at = 0;
        while ((at = text.IndexOf(tag, at, StringComparison.Ordinal)) >= 0)
        {
            at += tag.Length;
            if (at < text.Length && text[at] is '>' or ' ' or '\n' or '\r' or '\t')
            {
                count++;
            }
        }

        return count;
    }

    private static StreamReader OpenText(string path)
    {
        try
        {
            return new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ParleyException(ErrorCode.UnreadableInput, $"{path}: {e.Message}", e);
        }
    }

    private static string? StringProperty(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static IngestItem Failing(string id, string detail, ErrorCode code = ErrorCode.MalformedInput) =>
        new(id, (Func<DocumentInput>)(() => throw new ParleyException(code, detail)));

    private static string Escape(string s) => System.Net.WebUtility.HtmlEncode(s);
}
