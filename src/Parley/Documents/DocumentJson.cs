using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parley.Documents;

/// <summary>
/// The documented JSON form of a <see cref="NewsDocument"/> (schema: docs/document.schema.json).
/// Writing and reading it round-trips every layer.
/// </summary>
public static class DocumentJson
{
    /// <summary>Version of the JSON form; bumped when a field changes meaning or is removed.</summary>
    public const int FormatVersion = 1;

    public static JsonSerializerOptions Options { get; } = CreateOptions(indented: false);

    public static JsonSerializerOptions IndentedOptions { get; } = CreateOptions(indented: true);

    public static string Serialize(NewsDocument document, bool indented = false) =>
        JsonSerializer.Serialize(ToDto(document), indented ? IndentedOptions : Options);

    public static void Serialize(Utf8JsonWriter writer, NewsDocument document) =>
        JsonSerializer.Serialize(writer, ToDto(document), Options);

    public static NewsDocument Deserialize(string json)
    {
        DocumentDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<DocumentDto>(json, Options);
        }
        catch (JsonException e)
        {
            throw new ParleyException(ErrorCode.MalformedInput, $"not a Parley document: {e.Message}", e);
        }

        if (dto is null || dto.Text is null)
        {
            throw new ParleyException(ErrorCode.MalformedInput, "not a Parley document: the \"text\" field is missing");
        }

        if (dto.Parley > FormatVersion)
        {
            throw new ParleyException(ErrorCode.MalformedInput, $"document JSON version {dto.Parley} is newer than this Parley reads ({FormatVersion})");
        }

        return FromDto(dto);
    }

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = indented,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter<UPos>());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static DocumentDto ToDto(NewsDocument d) => new()
    {
        Parley = FormatVersion,
        Id = d.ContentHash,
        Text = d.Text,
        Metadata = d.Metadata,
        Title = d.TitleSpan,
        Sections = d.Sections,
        Sentences = d.Sentences,
        Tokens = d.Tokens.AsSpan().ToArray(),
        Mentions = d.Mentions,
        Entities = d.Entities,
        TimeExpressions = d.TimeExpressions,
        Quotes = d.Quotes,
        Events = d.Events,
        Flags = d.Flags,
        Layers = d.Layers.Order(StringComparer.Ordinal).ToList(),
    };

    private static NewsDocument FromDto(DocumentDto dto)
    {
        var d = new NewsDocument(dto.Text!)
        {
            Metadata = dto.Metadata ?? new DocumentMetadata(),
            TitleSpan = dto.Title,
            Sections = dto.Sections ?? [],
            Sentences = dto.Sentences ?? [],
            Mentions = dto.Mentions ?? [],
            Entities = dto.Entities ?? [],
            TimeExpressions = dto.TimeExpressions ?? [],
            Quotes = dto.Quotes ?? [],
            Events = dto.Events ?? [],
            Flags = dto.Flags ?? [],
        };
        d.Tokens.Set(dto.Tokens ?? []);
        foreach (var layer in dto.Layers ?? [])
        {
            d.Layers.Add(layer);
        }

        Validate(d);
        return d;
    }

    /// <summary>Rejects spans outside the text, so that a hand-edited or truncated file fails here rather than later.</summary>
    private static void Validate(NewsDocument d)
    {
        int n = d.Text.Length;
        void Check(TextSpan span, string what)
        {
            if (span.Start < 0 || span.Length < 0 || span.End > n)
            {
                throw new ParleyException(ErrorCode.MalformedInput, $"{what} {span} lies outside the text (length {n})");
            }
        }

        if (d.TitleSpan is { } title)
        {
            Check(title, "title");
        }

        foreach (var s in d.Sections)
        {
            if (s.Heading is { } h)
            {
                Check(h, "heading");
            }

            s.Paragraphs.ForEach(p => Check(p, "paragraph"));
        }

        d.Sentences.ForEach(s => Check(s.Span, "sentence"));
        foreach (ref readonly var t in d.Tokens.AsSpan())
        {
            Check(t.Span, "token");
        }

        d.Mentions.ForEach(m => Check(m.Span, "mention"));
        d.TimeExpressions.ForEach(t => Check(t.Span, "time expression"));
        d.Quotes.ForEach(q => Check(q.Content, "quote"));
        d.Flags.ForEach(f => Check(f.Span, "flag"));
    }

    private sealed class DocumentDto
    {
        public int Parley { get; set; }

        public string? Id { get; set; }

        public string? Text { get; set; }

        public DocumentMetadata? Metadata { get; set; }

        public TextSpan? Title { get; set; }

        public List<Section>? Sections { get; set; }

        public List<SentenceData>? Sentences { get; set; }

        public TokenData[]? Tokens { get; set; }

        public List<Mention>? Mentions { get; set; }

        public List<Entity>? Entities { get; set; }

        public List<TimeExpression>? TimeExpressions { get; set; }

        public List<Quote>? Quotes { get; set; }

        public List<NewsEvent>? Events { get; set; }

        public List<QualityFlag>? Flags { get; set; }

        public List<string>? Layers { get; set; }
    }
}
