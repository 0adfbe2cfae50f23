using System.CommandLine;
using System.Text.Json;
using Parley.Storage;

namespace Parley.Cli;

/// <summary>`parley search QUERY`: full-text search over stored articles or quotes, with filters.</summary>
internal static class SearchCommand
{
    public static Command Create(CliContext context)
    {
        var query = new Argument<string>("query") { Description = "Words (ANDed), \"a phrase\", a OR b, -excluded, prefix*; use '' with --quotes to list all quotes" };
        var store = StoreOption.Create();
        var quotes = new Option<bool>("--quotes") { Description = "Search quotes (text and speaker) instead of articles" };
        var speaker = new Option<string?>("--speaker") { Description = "Only articles quoting this speaker (for --quotes: only their quotes)" };
        var entity = new Option<string?>("--entity") { Description = "Only articles mentioning this entity" };
        var country = new Option<string?>("--country") { Description = "Only articles with an actor of this country (ISO alpha-3, e.g. RUS)" };
        var from = new Option<string?>("--from") { Description = "Earliest date: YYYY, YYYY-MM or YYYY-MM-DD" };
        var to = new Option<string?>("--to") { Description = "Latest date (inclusive)" };
        var eventType = new Option<string?>("--event-type") { Description = "Only articles with an event of this type (e.g. CONSULT)" };
        var page = new Option<int>("--page") { DefaultValueFactory = _ => 1 };
        var pageSize = new Option<int>("--page-size") { DefaultValueFactory = _ => 20 };
        var format = new Option<string>("--format", "-f") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("search", "Search stored reports") { query, store, quotes, speaker, entity, country, from, to, eventType, page, pageSize, format };
        command.SetAction(parsed => StoreOption.With(context, parsed.GetValue(store)!, s =>
        {
            var filter = new ArticleFilter
            {
                Speaker = parsed.GetValue(speaker), Entity = parsed.GetValue(entity), Country = parsed.GetValue(country),
                From = parsed.GetValue(from), To = parsed.GetValue(to), EventType = parsed.GetValue(eventType),
            };
            var request = new PageRequest(parsed.GetValue(page), parsed.GetValue(pageSize));
            bool json = parsed.GetValue(format) == "json";
            var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
            if (parsed.GetValue(quotes))
            {
                var result = s.ListQuotes(SearchQuery.ParseOptional(parsed.GetValue(query)), filter, request);
                if (json)
                {
                    context.Out.WriteLine(JsonSerializer.Serialize(result, options));
                    return ParleyCli.ExitOk;
                }

                foreach (var q in result.Items)
                {
                    context.Out.WriteLine($"{q.Date ?? "undated",-10}  {q.Speaker ?? "?"}: “{q.Text}”  [{q.DocumentId}]");
                }

                context.Out.WriteLine(Footer(result));
                return ParleyCli.ExitOk;
            }

            var hits = s.SearchArticles(SearchQuery.Parse(parsed.GetValue(query)), filter, request);
            if (json)
            {
                context.Out.WriteLine(JsonSerializer.Serialize(hits, options));
                return ParleyCli.ExitOk;
            }

            foreach (var hit in hits.Items)
            {
                context.Out.WriteLine($"{hit.Article.Date ?? "undated",-10}  {hit.Article.Title ?? "(untitled)"}  [{hit.Article.Id}]");
                context.Out.WriteLine("            " + hit.Snippet.Replace(SearchMarks.StartText, "[").Replace(SearchMarks.EndText, "]").ReplaceLineEndings(" "));
            }

            context.Out.WriteLine(Footer(hits));
            return ParleyCli.ExitOk;
        }));
        return command;
    }

    private static string Footer<T>(Page<T> page) =>
        $"-- page {page.PageNumber}: {page.Items.Count} of {(page.TotalIsLowerBound ? "more than " : "")}{page.Total}";
}
