using Parley.Documents;

namespace Parley.Storage;

/// <summary>
/// A collection of analysed reports: the full document (its JSON form) plus tables derived from its
/// layers (entities, quotes, events, dates) that searches and filters use. Implementations keep every
/// document write atomic: after a crash a document is either fully stored or absent.
/// </summary>
public interface IDocumentStore : IDisposable
{
    /// <summary>"sqlite" or "postgres".</summary>
    string Kind { get; }

    /// <summary>Where the store lives, without any password.</summary>
    string Location { get; }

    /// <summary>The schema version the store is at.</summary>
    int SchemaVersion { get; }

    /// <summary>
    /// Stores documents in one transaction. A document whose content hash and layers are already stored
    /// is left alone (<see cref="PutOutcome.Unchanged"/>); one stored with other layers is replaced.
    /// </summary>
    IReadOnlyList<PutOutcome> PutBatch(IReadOnlyList<NewsDocument> documents);

    /// <summary>True when a document read from input with this raw-bytes hash is stored with these layers (lets ingest skip analysis).</summary>
    bool ContainsRaw(string rawHash, string layers);

    /// <summary>Records the raw-bytes hash of an input whose document was stored.</summary>
    void RememberRaw(IReadOnlyList<(string RawHash, string DocumentId)> pairs);

    StoredDocument? GetDocument(string id);

    long CountDocuments();

    Page<ArticleSummary> ListArticles(ArticleFilter filter, PageRequest page);

    /// <summary>Full-text search over article titles and bodies, with the filter applied.</summary>
    Page<ArticleHit> SearchArticles(SearchQuery query, ArticleFilter filter, PageRequest page);

    /// <summary>Quotes, optionally matching a full-text query over the quote text and speaker, oldest first.</summary>
    Page<QuoteRow> ListQuotes(SearchQuery? query, ArticleFilter filter, PageRequest page);

    Page<EntityRow> ListEntities(EntityFilter filter, PageRequest page);

    EntityRow? GetEntity(long id);

    /// <summary>Store ids of entities by their keys (<see cref="DocumentIndex.EntityKey"/>); unknown keys are left out.</summary>
    IReadOnlyDictionary<string, long> FindEntities(IReadOnlyCollection<string> keys);

    /// <summary>Entities that appear in the same articles as <paramref name="entityId"/>, most shared first.</summary>
    Page<CoMention> CoMentions(long entityId, PageRequest page);

    /// <summary>How many articles mention the entity, and how many quotes it speaks, per month.</summary>
    IReadOnlyList<TimelinePoint> Timeline(long entityId);

    /// <summary>Event types present in the store, with counts (for filter choices).</summary>
    IReadOnlyList<(string Type, long Count)> EventTypes();
}

public enum PutOutcome
{
    Added,
    Replaced,
    Unchanged,
}

/// <summary>A stored document with what the store knows about it.</summary>
public sealed record StoredDocument(string Id, NewsDocument Document, string? Date, DateTimeOffset IngestedAt);

/// <summary>1-based page number and page size; both are bounded so that no request can ask for everything.</summary>
public sealed record PageRequest
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;

    /// <summary>Deep offsets cost a scan; past this, narrow the query instead.</summary>
    public const int MaxOffset = 10_000;

    public PageRequest(int page = 1, int size = DefaultPageSize)
    {
        if (page < 1)
        {
            throw new ParleyException(ErrorCode.BadQuery, $"page must be 1 or more (got {page})");
        }

        if (size < 1 || size > MaxPageSize)
        {
            throw new ParleyException(ErrorCode.BadQuery, $"pageSize must be between 1 and {MaxPageSize} (got {size})");
        }

        if ((long)(page - 1) * size > MaxOffset)
        {
            throw new ParleyException(ErrorCode.BadQuery, $"page {page} is too deep (at most {MaxOffset:N0} results can be skipped); narrow the query or the filters");
        }

        Number = page;
        Size = size;
    }

    public int Number { get; }

    public int Size { get; }

    public int Offset => (Number - 1) * Size;
}

/// <summary>
/// One page of results. <see cref="Total"/> is exact up to <see cref="CountLimit"/>; beyond it
/// <see cref="TotalIsLowerBound"/> is true, so that counting never scans a huge match set.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, long Total, bool TotalIsLowerBound)
{
    public const int CountLimit = 500;

    public bool HasMore => TotalIsLowerBound || (long)PageNumber * PageSize < Total;
}

/// <summary>Restricts articles (and the quotes in them). Empty fields do not restrict.</summary>
public sealed record ArticleFilter
{
    public static ArticleFilter None { get; } = new();

    /// <summary>A speaker's name (as stored or as written) whose quotes the article holds.</summary>
    public string? Speaker { get; init; }

    public long? SpeakerId { get; init; }

    /// <summary>An entity's name that the article mentions.</summary>
    public string? Entity { get; init; }

    public long? EntityId { get; init; }

    /// <summary>ISO 3166-1 alpha-3 (or CAMEO) country code of an actor in the article.</summary>
    public string? Country { get; init; }

    /// <summary>Earliest article date, "YYYY", "YYYY-MM" or "YYYY-MM-DD" (inclusive).</summary>
    public string? From { get; init; }

    /// <summary>Latest article date (inclusive; "2009-03" covers all of March).</summary>
    public string? To { get; init; }

    /// <summary>PLOVER event type ("CONSULT").</summary>
    public string? EventType { get; init; }

    public bool IsEmpty => this == None;
}

public sealed record EntityFilter
{
    /// <summary>Start of the name, case-insensitive.</summary>
    public string? NamePrefix { get; init; }

    public string? Type { get; init; }

    public string? Country { get; init; }
}

public sealed record ArticleSummary(string Id, string? Title, string? Url, string? Source, string? Date, string? Language,
    int Quotes, int Entities, int Events, IReadOnlyList<string> Layers);

/// <summary>An article found by full-text search; the snippet marks matches with <see cref="SearchMarks"/>.</summary>
public sealed record ArticleHit(ArticleSummary Article, string Snippet, double Score);

public sealed record QuoteRow(long Id, string DocumentId, string? DocumentTitle, string? Date, int Ordinal, string Kind,
    string Text, string? Speaker, long? SpeakerId, string? Cue, double Confidence, int Start, int Length);

public sealed record EntityRow(long Id, string Type, string Name, string? Country, string? ActorCode, long Documents, long Quotes);

public sealed record CoMention(EntityRow Entity, long SharedDocuments);

/// <summary>Counts for one month ("2009-03").</summary>
public sealed record TimelinePoint(string Month, long Documents, long Quotes);

/// <summary>The markers that wrap matched words in snippets: private-use characters that never occur in news text and that HTML encoding leaves alone.</summary>
public static class SearchMarks
{
    public const char Start = '\uE000';
    public const char End = '\uE001';
    public const string StartText = "\uE000";
    public const string EndText = "\uE001";
}
