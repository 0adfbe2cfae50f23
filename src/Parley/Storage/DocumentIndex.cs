using System.Globalization;
using System.IO.Compression;
using System.Text;
using Parley.Documents;

namespace Parley.Storage;

/// <summary>
/// The rows a store derives from one document's layers. Every store indexes exactly these, so a layer
/// that a new component fills (entities, quotes, events, dates) becomes searchable and filterable
/// without touching the stores: only this class learns to read it.
/// </summary>
public sealed class DocumentIndex
{
    private DocumentIndex(NewsDocument document)
    {
        Document = document;
    }

    public NewsDocument Document { get; }

    public string Id => Document.ContentHash;

    public string? Title { get; private init; }

    public string Body => Document.Text;

    /// <summary>The article's date as "YYYY-MM-DD", "YYYY-MM" or "YYYY", or null when unknown.</summary>
    public string? Date { get; private init; }

    /// <summary>The filled layers, sorted and comma-joined: a document stored with the same layers need not be stored again.</summary>
    public string Layers { get; private init; } = "";

    public List<EntityIndexRow> Entities { get; } = [];

    public List<QuoteIndexRow> Quotes { get; } = [];

    public List<EventIndexRow> Events { get; } = [];

    public List<DateIndexRow> Dates { get; } = [];

    public static DocumentIndex Build(NewsDocument d)
    {
        var index = new DocumentIndex(d)
        {
            Title = FirstNonBlank(d.Metadata.Title, d.TitleSpan is { } ts && ts.End <= d.Text.Length ? d[ts] : null),
            Date = ArticleDate(d),
            Layers = LayerKey(d),
        };

        // One row per distinct (type, name): resolved entities first, then named mentions left unresolved
        // (a mention layer without an entity layer still yields filterable names).
        var byKey = new Dictionary<string, EntityIndexRow>(StringComparer.Ordinal);
        var entityRows = new EntityIndexRow?[d.Entities.Count];
        for (int i = 0; i < d.Entities.Count; i++)
        {
            var e = d.Entities[i];
            if (string.IsNullOrWhiteSpace(e.Name))
            {
                continue;
            }

            var row = Upsert(byKey, index.Entities, e.Type, e.Name);
            row.Mentions += Math.Max(1, e.Mentions.Count);
            row.Country ??= e.Actor?.Country;
            row.ActorCode ??= e.Actor?.Code;
            row.Role ??= e.Actor?.Role;
            entityRows[i] = row;
        }

        foreach (var m in d.Mentions)
        {
            if (m.Entity >= 0 && m.Entity < d.Entities.Count)
            {
                continue;
            }

            if (m.Kind == MentionKind.Name && InText(d, m.Start, m.Length))
            {
                Upsert(byKey, index.Entities, m.Type, d.Text.Substring(m.Start, m.Length)).Mentions++;
            }
        }

        for (int i = 0; i < d.Quotes.Count; i++)
        {
            var q = d.Quotes[i];
            if (!InText(d, q.Content.Start, q.Content.Length))
            {
                continue;
            }

            EntityIndexRow? speaker = q.Speaker is { } s && s >= 0 && s < entityRows.Length ? entityRows[s] : null;
            string? speakerName = speaker?.Name;
            if (speakerName is null && q.SpeakerMention is { } sm && InText(d, sm.Start, sm.Length))
            {
                speakerName = d[sm];
            }

            if (speaker is not null)
            {
                speaker.Quotes++;
            }

            index.Quotes.Add(new QuoteIndexRow(i, q.Kind.ToString().ToLowerInvariant(), d[q.Content], speakerName, speaker,
                q.Cue is { } c && InText(d, c.Start, c.Length) ? d[c] : null, q.Confidence, q.Content.Start, q.Content.Length));
        }

        for (int i = 0; i < d.Events.Count; i++)
        {
            var e = d.Events[i];
            index.Events.Add(new EventIndexRow(i, e.Type, e.Cameo, e.Mode, NormaliseDate(e.Date),
                FirstEntity(e.Sources, entityRows), FirstEntity(e.Targets, entityRows), e.Place?.Country, e.Confidence));
        }

        for (int i = 0; i < d.TimeExpressions.Count; i++)
        {
            var t = d.TimeExpressions[i];
            if (InText(d, t.Start, t.Length))
            {
                index.Dates.Add(new DateIndexRow(i, t.Type, t.Value, NormaliseDate(t.Value), t.Start, t.Length));
            }
        }

        return index;
    }

    /// <summary>The key under which an entity is shared between documents: type and case-folded name.</summary>
    public static string EntityKey(string type, string name) => type.ToUpperInvariant() + ":" + NormaliseName(name);

    /// <summary>Lower-cased, with runs of white space made one space, for matching names typed by people.</summary>
    public static string NormaliseName(string name)
    {
        var sb = new StringBuilder(name.Length);
        bool space = false;
        foreach (char c in name.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    public static string LayerKey(NewsDocument d) => string.Join(',', d.Layers.Order(StringComparer.Ordinal));

    /// <summary>The document's JSON form, gzip-compressed (token rows compress about tenfold).</summary>
    public static byte[] Pack(NewsDocument d)
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new System.Text.Json.Utf8JsonWriter(gz))
        {
            DocumentJson.Serialize(writer, d);
        }

        return buffer.ToArray();
    }

    public static NewsDocument Unpack(byte[] packed)
    {
        using var gz = new GZipStream(new MemoryStream(packed), CompressionMode.Decompress);
        using var reader = new StreamReader(gz, Encoding.UTF8);
        return DocumentJson.Deserialize(reader.ReadToEnd());
    }

    /// <summary>
    /// Turns a TIMEX3 or ISO value into a sortable date prefix ("2009-03-06", "2009-03", "2009"),
    /// or null when it names no calendar date (durations, "PRESENT_REF", unknown years).
    /// </summary>
    public static string? NormaliseDate(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length < 4)
        {
            return null;
        }

        var v = value.AsSpan();
        if (!IsDigits(v[..4]))
        {
            return null;
        }

        if (v.Length >= 7 && v[4] == '-' && IsDigits(v.Slice(5, 2)) && Between(v.Slice(5, 2), 1, 12))
        {
            if (v.Length >= 10 && v[7] == '-' && IsDigits(v.Slice(8, 2)) && Between(v.Slice(8, 2), 1, 31))
            {
                return value[..10];
            }

            return value[..7];
        }

        return value[..4];
    }

    /// <summary>Checks a user's date bound ("2009", "2009-03", "2009-03-06").</summary>
    public static string? ParseDateBound(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        string v = value.Trim();
        string? normal = NormaliseDate(v);
        bool valid = normal is not null && normal.Length == v.Length && (v.Length != 10
            || DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
        if (!valid)
        {
            throw new ParleyException(ErrorCode.BadQuery, $"{name} must be a date as YYYY, YYYY-MM or YYYY-MM-DD (got '{Shorten(v)}')");
        }

        return normal;
    }

    public static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";

    private static string? ArticleDate(NewsDocument d)
    {
        if (NormaliseDate(d.Metadata.Published) is { } published)
        {
            return published;
        }

        return d.Metadata.Dateline is { Year: not null } dl ? NormaliseDate(dl.DateValue) : null;
    }

    private static EntityIndexRow Upsert(Dictionary<string, EntityIndexRow> byKey, List<EntityIndexRow> rows, string type, string name)
    {
        string key = EntityKey(type, name);
        if (!byKey.TryGetValue(key, out var row))
        {
            row = new EntityIndexRow(key, type.ToUpperInvariant(), name.Trim());
            byKey[key] = row;
            rows.Add(row);
        }

        return row;
    }

    private static EntityIndexRow? FirstEntity(List<int> indices, EntityIndexRow?[] rows)
    {
        foreach (int i in indices)
        {
            if (i >= 0 && i < rows.Length && rows[i] is { } row)
            {
                return row;
            }
        }

        return null;
    }

    private static bool InText(NewsDocument d, int start, int length) => start >= 0 && length >= 0 && start + length <= d.Text.Length;

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static bool Between(ReadOnlySpan<char> s, int min, int max)
    {
        int n = int.Parse(s, CultureInfo.InvariantCulture);
        return n >= min && n <= max;
    }

    private static string? FirstNonBlank(params string?[] values)
    {
        foreach (var v in values)
        {
            if (!string.IsNullOrWhiteSpace(v))
            {
                return v.Trim();
            }
        }

        return null;
    }
}

/// <summary>An entity as one document mentions it.</summary>
public sealed class EntityIndexRow(string key, string type, string name)
{
    public string Key { get; } = key;

    public string Type { get; } = type;

    public string Name { get; } = name;

    public string? Country { get; set; }

    public string? ActorCode { get; set; }

    public string? Role { get; set; }

    public int Mentions { get; set; }

    public int Quotes { get; set; }
}

public sealed record QuoteIndexRow(int Ordinal, string Kind, string Text, string? SpeakerName, EntityIndexRow? Speaker, string? Cue,
    double Confidence, int Start, int Length);

public sealed record EventIndexRow(int Ordinal, string Type, string? Cameo, string? Mode, string? Date, EntityIndexRow? Source,
    EntityIndexRow? Target, string? PlaceCountry, double Confidence);

public sealed record DateIndexRow(int Ordinal, string Type, string? Value, string? Date, int Start, int Length);
