using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Parley.Documents;
using Parley.Storage;

namespace Parley.Web;

/// <summary>An article found by search. <see cref="Highlights"/> are [start, length] ranges of matched words in <see cref="Snippet"/>.</summary>
public sealed record SearchHitDto(ArticleSummary Article, string Snippet, IReadOnlyList<int[]> Highlights, double Score);

/// <summary>An entity with the first page of its co-mentions (all pages at /api/entities/{id}/co-mentions) and its monthly timeline.</summary>
public sealed record EntityDetailDto(EntityRow Entity, Page<CoMention> CoMentions, IReadOnlyList<TimelinePoint> Timeline);

public sealed record EventTypeDto(string Type, long Count);

/// <summary>A posted article: raw HTML or text, with what the caller knows about it.</summary>
public sealed record ArticlePost(string? Url, string? Html, string? Text, string? Published);

public sealed record ArticlePostResult(string Id, string Outcome);

/// <summary>Filters shared by the list endpoints, read from the query string.</summary>
public sealed class FilterArgs
{
    public const int MaxValueLength = 200;

    [FromQuery(Name = "speaker")] public string? Speaker { get; init; }

    [FromQuery(Name = "speakerId")] public long? SpeakerId { get; init; }

    [FromQuery(Name = "entity")] public string? Entity { get; init; }

    [FromQuery(Name = "entityId")] public long? EntityId { get; init; }

    [FromQuery(Name = "country")] public string? Country { get; init; }

    [FromQuery(Name = "from")] public string? From { get; init; }

    [FromQuery(Name = "to")] public string? To { get; init; }

    [FromQuery(Name = "eventType")] public string? EventType { get; init; }

    [FromQuery(Name = "page")] public int? Page { get; init; }

    [FromQuery(Name = "pageSize")] public int? PageSize { get; init; }

    public ArticleFilter ToFilter()
    {
        foreach (var (name, value) in new[] { ("speaker", Speaker), ("entity", Entity), ("country", Country), ("from", From), ("to", To), ("eventType", EventType) })
        {
            if (value is { Length: > MaxValueLength })
            {
                throw new ParleyException(ErrorCode.BadQuery, $"{name} is {value.Length:N0} characters long; the limit is {MaxValueLength}");
            }
        }

        var filter = new ArticleFilter
        {
            Speaker = Blank(Speaker), SpeakerId = SpeakerId, Entity = Blank(Entity), EntityId = EntityId, Country = Blank(Country),
            From = DocumentIndex.ParseDateBound(From, "from"), To = DocumentIndex.ParseDateBound(To, "to"), EventType = Blank(EventType),
        };
        return filter == ArticleFilter.None ? ArticleFilter.None : filter;
    }

    public PageRequest ToPage() => new(Page ?? 1, PageSize ?? PageRequest.DefaultPageSize);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

internal static class WorkspaceApi
{
    public const string ApiKeyHeader = "X-Api-Key";

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("workspace");

        api.MapGet("/articles", (IDocumentStore store, [AsParameters] FilterArgs args) => store.ListArticles(args.ToFilter(), args.ToPage()))
           .WithName("ListArticles").WithSummary("Stored articles, newest first, with optional filters.");

        api.MapGet("/articles/{id}", (IDocumentStore store, string id) =>
        {
            var stored = store.GetDocument(id) ?? throw new ParleyException(ErrorCode.NotFound, $"no article with id '{DocumentIndex.Shorten(id)}'");
            // The document's own JSON form (docs/document.schema.json), wrapped with what the store adds.
            string json = $"{{\"id\":{JsonSerializer.Serialize(stored.Id)},\"date\":{JsonSerializer.Serialize(stored.Date)},"
                + $"\"ingestedAt\":{JsonSerializer.Serialize(stored.IngestedAt)},\"document\":{DocumentJson.Serialize(stored.Document)}}}";
            return Results.Text(json, "application/json", Encoding.UTF8);
        }).WithName("GetArticle").WithSummary("One article: its full document JSON with every layer.")
          .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/search", (IDocumentStore store, [FromQuery] string? q, [AsParameters] FilterArgs args) =>
        {
            var query = SearchQuery.Parse(q);
            var page = store.SearchArticles(query, args.ToFilter(), args.ToPage());
            var items = page.Items.Select(h => ToDto(h)).ToList();
            return new Page<SearchHitDto>(items, page.PageNumber, page.PageSize, page.Total, page.TotalIsLowerBound);
        }).WithName("SearchArticles").WithSummary("Full-text search over article titles and bodies.")
          .WithDescription("q: words (ANDed), \"a phrase\", a OR b, -excluded, prefix*. A malformed query is answered with 400 and the reason.")
          .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/quotes", (IDocumentStore store, [FromQuery] string? q, [AsParameters] FilterArgs args) =>
            store.ListQuotes(SearchQuery.ParseOptional(q), args.ToFilter(), args.ToPage()))
           .WithName("ListQuotes").WithSummary("Quotes, oldest first; q searches the quoted words and speaker names.")
           .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/entities", (IDocumentStore store, [FromQuery] string? name, [FromQuery] string? type, [FromQuery] string? country,
                [FromQuery] int? page, [FromQuery] int? pageSize) =>
            store.ListEntities(new EntityFilter { NamePrefix = Limit(name, "name"), Type = Limit(type, "type"), Country = Limit(country, "country") },
                new PageRequest(page ?? 1, pageSize ?? PageRequest.DefaultPageSize)))
           .WithName("ListEntities").WithSummary("People, organisations and places, most mentioned first; name matches the start of the name.");

        api.MapGet("/entities/{id:long}", (IDocumentStore store, long id) =>
        {
            var entity = store.GetEntity(id) ?? throw new ParleyException(ErrorCode.NotFound, $"no entity with id {id}");
            return new EntityDetailDto(entity, store.CoMentions(id, new PageRequest()), store.Timeline(id));
        }).WithName("GetEntity").WithSummary("One entity with the entities mentioned alongside it and its monthly timeline.")
          .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/entities/{id:long}/co-mentions", (IDocumentStore store, long id, [FromQuery] int? page, [FromQuery] int? pageSize) =>
        {
            _ = store.GetEntity(id) ?? throw new ParleyException(ErrorCode.NotFound, $"no entity with id {id}");
            return store.CoMentions(id, new PageRequest(page ?? 1, pageSize ?? PageRequest.DefaultPageSize));
        }).WithName("ListCoMentions").WithSummary("Entities mentioned in the same articles, most shared first.")
          .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/event-types", (IDocumentStore store) => store.EventTypes().Select(e => new EventTypeDto(e.Type, e.Count)).ToList())
           .WithName("ListEventTypes").WithSummary("Event types present in the store, with counts.");

        api.MapPost("/articles", async (HttpContext context, IDocumentStore store, WorkspaceOptions options) =>
        {
            // The key is checked before the body is read, so a caller without it cannot make the server parse anything.
            if (CheckKey(context, options) is { } refused)
            {
                return refused;
            }

            ArticlePost? post;
            try
            {
                post = await context.Request.ReadFromJsonAsync<ArticlePost>(context.RequestAborted);
            }
            catch (JsonException e)
            {
                throw new ParleyException(ErrorCode.MalformedInput, $"the body is not valid JSON: {e.Message}");
            }
            catch (InvalidOperationException e)
            {
                throw new ParleyException(ErrorCode.MalformedInput, e.Message);
            }

            if (post is null || post.Html is null && post.Text is null)
            {
                throw new ParleyException(ErrorCode.BadQuery, "the body needs \"html\" or \"text\"");
            }

            var input = new Intake.DocumentInput(post.Url ?? "api", Encoding.UTF8.GetBytes(post.Html ?? post.Text!))
            {
                Url = post.Url, Published = post.Published, MediaType = post.Html is null ? "text/plain" : "text/html",
            };
            var document = options.Pipeline().Process(input);
            var outcome = store.PutBatch([document])[0];
            return Results.Ok(new ArticlePostResult(document.ContentHash, outcome.ToString().ToLowerInvariant()));
        }).WithName("PostArticle").WithSummary("Analyses and stores one article. Requires the X-Api-Key header.")
          .Accepts<ArticlePost>("application/json")
          .Produces<ArticlePostResult>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
          .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
    }

    /// <summary>Splits a store snippet into plain text and highlight ranges, so API clients never receive markup.</summary>
    public static SearchHitDto ToDto(ArticleHit hit)
    {
        var text = new StringBuilder(hit.Snippet.Length);
        var ranges = new List<int[]>();
        int start = -1;
        foreach (char c in hit.Snippet)
        {
            if (c == SearchMarks.Start)
            {
                start = text.Length;
            }
            else if (c == SearchMarks.End)
            {
                if (start >= 0)
                {
                    ranges.Add([start, text.Length - start]);
                }

                start = -1;
            }
            else
            {
                text.Append(c);
            }
        }

        return new SearchHitDto(hit.Article, text.ToString(), ranges, hit.Score);
    }

    private static IResult? CheckKey(HttpContext context, WorkspaceOptions options)
    {
        if (string.IsNullOrEmpty(options.ApiKey))
        {
            return Results.Problem(statusCode: 403, title: "writing is disabled",
                detail: "this server has no API key; start it with --api-key or PARLEY_API_KEY to accept writes");
        }

        string given = context.Request.Headers[ApiKeyHeader].ToString();
        bool ok = CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(options.ApiKey)));
        return ok ? null : Results.Problem(statusCode: 401, title: "API key required", detail: $"send the server's API key in the {ApiKeyHeader} header");
    }

    private static string? Limit(string? value, string name) => value is { Length: > FilterArgs.MaxValueLength }
        ? throw new ParleyException(ErrorCode.BadQuery, $"{name} is {value.Length:N0} characters long; the limit is {FilterArgs.MaxValueLength}")
        : value;
}
