using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Parley.Documents;
using Parley.Storage;

namespace Parley.Web;

/// <summary>
/// The HTML pages: search, article, speaker, entity. Rendered on the server with every value encoded;
/// the only script is /assets/app.js, which draws charts from data attributes.
/// </summary>
internal static class WorkspacePages
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/", Search).ExcludeFromDescription();
        app.MapGet("/articles/{id}", Article).ExcludeFromDescription();
        app.MapGet("/speakers/{id:long}", Speaker).ExcludeFromDescription();
        app.MapGet("/entities", Entities).ExcludeFromDescription();
        app.MapGet("/entities/{id:long}", Entity).ExcludeFromDescription();
    }

    public static bool WantsHtml(HttpContext context) => !context.Request.Path.StartsWithSegments("/api")
        && !context.Request.Path.StartsWithSegments("/openapi");

    public static Task WriteErrorPage(HttpContext context, int status, string title, string detail)
    {
        var html = new Html();
        html.Element("h1", status == 404 ? "Not found" : status == 400 ? "Cannot run this search" : "Something went wrong");
        html.Element("p", detail, "error");
        html.Link("/", "Back to search");
        return Write(context, title, html, status);
    }

    private static Task Search(HttpContext context, IDocumentStore store)
    {
        var q = context.Request.Query;
        string? text = q["q"];
        string kind = q["kind"] == "quotes" ? "quotes" : "articles";
        var args = new FilterArgs
        {
            Speaker = q["speaker"], Entity = q["entity"], Country = q["country"], From = q["from"], To = q["to"], EventType = q["eventType"],
            Page = IntArg(q["page"], "page"), PageSize = IntArg(q["pageSize"], "pageSize"),
        };
        var html = new Html();
        html.Element("h1", "Search reports");
        SearchForm(html, store, q, kind);
        var filter = args.ToFilter();
        var page = args.ToPage();
        if (kind == "quotes")
        {
            var quotes = store.ListQuotes(SearchQuery.ParseOptional(text), filter, page);
            html.Element("p", CountLine(quotes, "quote"), "meta");
            QuoteList(html, quotes.Items, showSpeaker: true);
            Pager(html, context, quotes);
        }
        else if (string.IsNullOrWhiteSpace(text))
        {
            var articles = store.ListArticles(filter, page);
            html.Element("p", CountLine(articles, "article"), "meta");
            ArticleList(html, context, articles);
        }
        else
        {
            var hits = store.SearchArticles(SearchQuery.Parse(text), filter, page);
            html.Element("p", CountLine(hits, "matching article"), "meta");
            html.Open("ol", "results");
            foreach (var hit in hits.Items)
            {
                html.Open("li", "hit");
                ArticleLine(html, hit.Article);
                html.Open("div", "snippet");
                Snippet(html, hit.Snippet);
                html.Close("div");
                html.Close("li");
            }

            html.Close("ol");
            Pager(html, context, hits);
        }

        return Write(context, string.IsNullOrWhiteSpace(text) ? "Search" : "Search: " + text, html);
    }

    private static Task Article(HttpContext context, IDocumentStore store, string id)
    {
        var stored = store.GetDocument(id) ?? throw new ParleyException(ErrorCode.NotFound, $"no article with id '{DocumentIndex.Shorten(id)}'");
        var d = stored.Document;
        var index = DocumentIndex.Build(d);
        var ids = store.FindEntities(index.Entities.Select(e => e.Key).ToList());
        var html = new Html();
        html.Open("div", "article");
        html.Open("article");
        ArticleRenderer.RenderText(html, d, ids);
        html.Close("article");

        html.Open("aside");
        html.Open("section", "about").Element("h2", "About");
        html.Open("table");
        Row(html, "Date", stored.Date);
        Row(html, "Source", d.Metadata.Source);
        if (Html.IsSafeExternalUrl(d.Metadata.Url))
        {
            html.Raw("<tr><th>URL</th><td>").Open("a", null, ("href", d.Metadata.Url), ("rel", "noopener noreferrer nofollow")).Text(d.Metadata.Url).Close("a").Raw("</td></tr>");
        }
        else
        {
            Row(html, "URL", d.Metadata.Url);
        }

        Row(html, "Byline", d.Metadata.Byline);
        Row(html, "Dateline", d.Metadata.Dateline?.Raw);
        Row(html, "Language", d.Metadata.Language);
        Row(html, "Format", d.Metadata.Format);
        Row(html, "Layers", string.Join(", ", d.Layers.Order(StringComparer.Ordinal)));
        Row(html, "Id", stored.Id);
        html.Close("table").Close("section");

        html.Open("section", "quotes").Element("h2", $"Quotes ({d.Quotes.Count})");
        foreach (var quote in d.Quotes)
        {
            if (quote.Content.End > d.Text.Length)
            {
                continue;
            }

            html.Open("blockquote").Text(d[quote.Content]).Raw("<br>");
            string? speaker = ArticleRenderer.SpeakerName(d, quote);
            long? speakerId = quote.Speaker is { } s ? ArticleRenderer.EntityId(d, s, ids) : null;
            html.Raw("— ");
            if (speakerId is { } sid)
            {
                html.Link($"/speakers/{sid}", speaker, "speaker-link");
            }
            else
            {
                html.Text(speaker ?? "unknown speaker");
            }

            html.Element("span", $" · {quote.Kind.ToString().ToLowerInvariant()}", "meta").Close("blockquote");
        }

        html.Close("section");

        html.Open("section", "entities").Element("h2", $"Entities ({index.Entities.Count})");
        html.Open("ul");
        foreach (var e in index.Entities)
        {
            html.Open("li");
            if (ids.TryGetValue(e.Key, out long eid))
            {
                html.Link($"/entities/{eid}", e.Name, "entity ent-" + e.Type);
            }
            else
            {
                html.Text(e.Name);
            }

            html.Element("span", $" {e.Type}{(e.Country is null ? "" : " · " + e.Country)} · {e.Mentions}×", "meta").Close("li");
        }

        html.Close("ul").Close("section");

        if (d.TimeExpressions.Count > 0)
        {
            html.Open("section", "dates").Element("h2", $"Dates ({d.TimeExpressions.Count})");
            html.Open("table");
            foreach (var t in d.TimeExpressions)
            {
                Row(html, t.Start + t.Length <= d.Text.Length ? d.Text.Substring(t.Start, t.Length) : "?", $"{t.Type} {t.Value}{(t.Inferred ? " (inferred)" : "")}");
            }

            html.Close("table").Close("section");
        }

        if (d.Events.Count > 0)
        {
            html.Open("section", "events").Element("h2", $"Events ({d.Events.Count})");
            html.Open("ul");
            foreach (var e in d.Events)
            {
                string Names(List<int> list) => string.Join(", ", list.Where(i => i >= 0 && i < d.Entities.Count).Select(i => d.Entities[i].Name));
                html.Element("li", $"{e.Type}: {Names(e.Sources)} → {Names(e.Targets)}{(e.Date is null ? "" : " · " + e.Date)}{(e.Place?.Country is { } pc ? " · " + pc : "")}");
            }

            html.Close("ul").Close("section");
        }

        html.Open("section", "flags").Element("h2", $"Quality flags ({d.Flags.Count})");
        if (d.Flags.Count == 0)
        {
            html.Element("p", "No repairs or problems recorded.", "meta");
        }
        else
        {
            html.Open("table").Raw("<tr><th>Kind</th><th>At</th><th>Original</th><th>Note</th></tr>");
            foreach (var f in d.Flags)
            {
                html.Raw("<tr>").Element("td", f.Kind).Element("td", f.Start.ToString(CultureInfo.InvariantCulture))
                    .Element("td", f.Original).Element("td", f.Message).Raw("</tr>");
            }

            html.Close("table");
        }

        html.Close("section").Close("aside").Close("div");
        return Write(context, index.Title ?? "Article", html);
    }

    private static Task Speaker(HttpContext context, IDocumentStore store, long id)
    {
        var entity = store.GetEntity(id) ?? throw new ParleyException(ErrorCode.NotFound, $"no speaker with id {id}");
        var page = new PageRequest(IntArg(context.Request.Query["page"], "page") ?? 1, 50);
        var quotes = store.ListQuotes(null, new ArticleFilter { SpeakerId = id }, page);
        var timeline = store.Timeline(id);
        var html = new Html();
        html.Element("h1", entity.Name, "speaker-name");
        html.Open("p", "meta").Text($"{entity.Type}{(entity.Country is null ? "" : " · " + entity.Country)}{(entity.ActorCode is null ? "" : " · " + entity.ActorCode)} · {entity.Quotes} quotes in {entity.Documents} articles · ")
            .Link($"/entities/{id}", "entity page").Close("p");
        html.Element("h2", "Quotes per month");
        Chart(html, "speaker-timeline", "bar", timeline.Select(t => t.Month), [("Quotes", timeline.Select(t => t.Quotes))]);
        html.Element("h2", "All quotes, oldest first");
        html.Element("p", CountLine(quotes, "quote"), "meta");
        QuoteList(html, quotes.Items, showSpeaker: false);
        Pager(html, context, quotes);
        return Write(context, entity.Name, html);
    }

    private static Task Entities(HttpContext context, IDocumentStore store)
    {
        var q = context.Request.Query;
        var filter = new EntityFilter { NamePrefix = Limited(q["name"], "name"), Type = Limited(q["type"], "type"), Country = Limited(q["country"], "country") };
        var page = store.ListEntities(filter, new PageRequest(IntArg(q["page"], "page") ?? 1, 50));
        var html = new Html();
        html.Element("h1", "Entities");
        html.Open("form", "search", ("method", "get"), ("action", "/entities"));
        Field(html, "name", "Name starts with", q["name"]);
        Field(html, "type", "Type (PER, ORG, LOC)", q["type"]);
        Field(html, "country", "Country", q["country"]);
        html.Raw("<div><label>&nbsp;</label><button type=\"submit\">Filter</button></div></form>");
        html.Element("p", CountLine(page, "entity"), "meta");
        html.Open("table").Raw("<tr><th>Name</th><th>Type</th><th>Country</th><th>Articles</th><th>Quotes</th></tr>");
        foreach (var e in page.Items)
        {
            html.Raw("<tr><td>").Link($"/entities/{e.Id}", e.Name).Raw("</td>").Element("td", e.Type).Element("td", e.Country)
                .Element("td", e.Documents.ToString(CultureInfo.InvariantCulture)).Element("td", e.Quotes.ToString(CultureInfo.InvariantCulture)).Raw("</tr>");
        }

        html.Close("table");
        Pager(html, context, page);
        return Write(context, "Entities", html);
    }

    private static Task Entity(HttpContext context, IDocumentStore store, long id)
    {
        var entity = store.GetEntity(id) ?? throw new ParleyException(ErrorCode.NotFound, $"no entity with id {id}");
        var co = store.CoMentions(id, new PageRequest(1, 20)).Items;
        var timeline = store.Timeline(id);
        var articles = store.ListArticles(new ArticleFilter { EntityId = id }, new PageRequest(IntArg(context.Request.Query["page"], "page") ?? 1, 20));
        var html = new Html();
        html.Element("h1", entity.Name, "entity-name");
        html.Open("p", "meta").Text($"{entity.Type}{(entity.Country is null ? "" : " · " + entity.Country)}{(entity.ActorCode is null ? "" : " · " + entity.ActorCode)} · {entity.Documents} articles · ");
        if (entity.Quotes > 0)
        {
            html.Link($"/speakers/{id}", $"{entity.Quotes} quotes");
        }
        else
        {
            html.Text("no quotes");
        }

        html.Close("p");
        html.Element("h2", "Timeline");
        Chart(html, "entity-timeline", "bar", timeline.Select(t => t.Month), [("Articles", timeline.Select(t => t.Documents)), ("Quotes", timeline.Select(t => t.Quotes))]);
        html.Element("h2", "Mentioned together with");
        if (co.Count == 0)
        {
            html.Element("p", "No other entity shares an article with this one.", "meta");
        }
        else
        {
            Chart(html, "co-mentions", "bar", co.Select(c => c.Entity.Name), [("Shared articles", co.Select(c => c.SharedDocuments))], axis: "y");
            html.Open("ul", "co-mentions");
            foreach (var c in co)
            {
                html.Open("li").Link($"/entities/{c.Entity.Id}", c.Entity.Name, "entity ent-" + c.Entity.Type)
                    .Element("span", $" {c.Entity.Type} · {c.SharedDocuments} shared", "meta").Close("li");
            }

            html.Close("ul");
        }

        html.Element("h2", "Articles");
        ArticleList(html, context, articles);
        return Write(context, entity.Name, html);
    }

    private static void SearchForm(Html html, IDocumentStore store, IQueryCollection q, string kind)
    {
        html.Open("form", "search", ("method", "get"), ("action", "/"), ("role", "search"));
        html.Open("div", "wide");
        html.Open("input", null, ("type", "search"), ("name", "q"), ("value", q["q"].ToString()), ("placeholder", "words, \"a phrase\", a OR b, -not, prefix*"),
            ("aria-label", "Search"), ("maxlength", SearchQuery.MaxLength.ToString(CultureInfo.InvariantCulture)), ("id", "q"));
        html.Open("select", null, ("name", "kind"), ("aria-label", "Search in"));
        Option(html, "articles", "Articles", kind);
        Option(html, "quotes", "Quotes", kind);
        html.Close("select");
        html.Raw("<button type=\"submit\" id=\"search-button\">Search</button></div>");
        Field(html, "speaker", "Speaker", q["speaker"]);
        Field(html, "entity", "Entity", q["entity"]);
        Field(html, "country", "Country (e.g. RUS)", q["country"]);
        Field(html, "from", "From (YYYY-MM-DD)", q["from"]);
        Field(html, "to", "To", q["to"]);
        html.Raw("<div><label for=\"eventType\">Event type</label>").Open("select", null, ("name", "eventType"), ("id", "eventType"));
        Option(html, "", "any", q["eventType"].ToString());
        foreach (var (type, count) in store.EventTypes())
        {
            Option(html, type, $"{type} ({count})", q["eventType"].ToString());
        }

        html.Close("select").Raw("</div>");
        html.Close("form");
    }

    private static void Field(Html html, string name, string label, string? value)
    {
        html.Raw("<div>").Open("label", null, ("for", name)).Text(label).Close("label")
            .Open("input", null, ("name", name), ("id", name), ("value", value ?? ""), ("maxlength", FilterArgs.MaxValueLength.ToString(CultureInfo.InvariantCulture))).Raw("</div>");
    }

    private static void Option(Html html, string value, string text, string selected)
    {
        html.Open("option", null, ("value", value), ("selected", value == selected ? "selected" : null)).Text(text).Close("option");
    }

    private static void ArticleList(Html html, HttpContext context, Page<ArticleSummary> articles)
    {
        html.Open("ol", "results");
        foreach (var a in articles.Items)
        {
            html.Open("li");
            ArticleLine(html, a);
            html.Close("li");
        }

        html.Close("ol");
        Pager(html, context, articles);
    }

    private static void ArticleLine(Html html, ArticleSummary a)
    {
        html.Link($"/articles/{Uri.EscapeDataString(a.Id)}", string.IsNullOrWhiteSpace(a.Title) ? "(untitled)" : a.Title, "article-link");
        html.Element("div", $"{a.Date ?? "undated"} · {a.Source} · {a.Quotes} quotes · {a.Entities} entities{(a.Events > 0 ? $" · {a.Events} events" : "")}", "meta");
    }

    private static void QuoteList(Html html, IReadOnlyList<QuoteRow> quotes, bool showSpeaker)
    {
        html.Open("ol", "results quotes");
        foreach (var q in quotes)
        {
            html.Open("li", "quote-row").Open("blockquote").Text(q.Text).Close("blockquote");
            html.Open("div", "meta");
            if (showSpeaker)
            {
                if (q.SpeakerId is { } sid)
                {
                    html.Link($"/speakers/{sid}", q.Speaker, "speaker-link");
                }
                else
                {
                    html.Text(q.Speaker ?? "unknown speaker");
                }

                html.Text(" · ");
            }

            html.Text((q.Date ?? "undated") + " · ").Link($"/articles/{Uri.EscapeDataString(q.DocumentId)}", q.DocumentTitle ?? "(untitled)", "article-link");
            html.Close("div").Close("li");
        }

        html.Close("ol");
    }

    private static void Snippet(Html html, string snippet)
    {
        bool marked = false;
        foreach (var part in snippet.Split([SearchMarks.Start, SearchMarks.End]))
        {
            // Split alternates unmarked and marked text when the marks are balanced, as the stores write them.
            if (marked)
            {
                html.Element("mark", part);
            }
            else
            {
                html.Text(part);
            }

            marked = !marked;
        }
    }

    private static void Chart(Html html, string id, string type, IEnumerable<string> labels, (string Label, IEnumerable<long> Data)[] series, string axis = "x")
    {
        string labelJson = JsonSerializer.Serialize(labels.ToList());
        string seriesJson = JsonSerializer.Serialize(series.Select(s => new { label = s.Label, data = s.Data.ToList() }).ToList());
        html.Open("div", "chart").Open("canvas", null, ("id", id), ("data-chart", type), ("data-axis", axis), ("data-labels", labelJson), ("data-series", seriesJson),
            ("role", "img"), ("aria-label", id.Replace('-', ' '))).Close("canvas").Close("div");
    }

    private static void Pager<T>(Html html, HttpContext context, Page<T> page)
    {
        if (page.PageNumber == 1 && !page.HasMore)
        {
            return;
        }

        html.Open("nav", "pager");
        if (page.PageNumber > 1)
        {
            html.Link(PageUrl(context, page.PageNumber - 1), "← previous", "prev");
        }

        html.Element("span", $"page {page.PageNumber}");
        if (page.HasMore && (long)page.PageNumber * page.PageSize < PageRequest.MaxOffset)
        {
            html.Link(PageUrl(context, page.PageNumber + 1), "next →", "next");
        }

        html.Close("nav");
    }

    private static string PageUrl(HttpContext context, int number)
    {
        var pairs = context.Request.Query.Where(kv => kv.Key != "page").Select(kv => (kv.Key, (string?)kv.Value.ToString())).ToList();
        pairs.Add(("page", number.ToString(CultureInfo.InvariantCulture)));
        return Html.Url(context.Request.Path, [.. pairs]);
    }

    private static string CountLine<T>(Page<T> page, string noun)
    {
        string total = page.TotalIsLowerBound ? $"more than {page.Total:N0}" : page.Total.ToString("N0", CultureInfo.InvariantCulture);
        return $"{total} {noun}{(page.Total == 1 && !page.TotalIsLowerBound ? "" : "s")}";
    }

    private static void Row(Html html, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            html.Raw("<tr>").Element("th", name).Element("td", value).Raw("</tr>");
        }
    }

    private static int? IntArg(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n)
            ? n : throw new ParleyException(ErrorCode.BadQuery, $"{name} must be a whole number (got '{DocumentIndex.Shorten(value)}')");
    }

    private static string? Limited(string? value, string name) => value is { Length: > FilterArgs.MaxValueLength }
        ? throw new ParleyException(ErrorCode.BadQuery, $"{name} is {value.Length:N0} characters long; the limit is {FilterArgs.MaxValueLength}")
        : value;

    private static Task Write(HttpContext context, string title, Html body, int status = 200)
    {
        var page = new Html();
        page.Raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Element("title", title + " · Parley")
            .Raw("<link rel=\"stylesheet\" href=\"/assets/app.css\"><script src=\"/assets/lib/chart.js/chart.umd.min.js\" defer></script><script src=\"/assets/app.js\" defer></script></head><body>")
            .Raw("<header class=\"top\"><a class=\"brand\" href=\"/\">Parley</a><a href=\"/\">Search</a><a href=\"/?kind=quotes\">Quotes</a><a href=\"/entities\">Entities</a><a href=\"/openapi/v1.json\">API</a></header><main>")
            .Raw(body.ToString())
            .Raw("</main></body></html>");
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(page.ToString());
    }
}
