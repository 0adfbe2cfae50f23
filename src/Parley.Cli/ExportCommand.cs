using System.CommandLine;
using System.Text.Json;
using Parley.Documents;
using Parley.Events;
using Parley.Intake;
using Parley.Pipeline;

namespace Parley.Cli;

/// <summary>`parley export events PATH...`: a GDELT-style table of events, from reports or from Parley document JSON.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var export = new Command("export", "Export analysis results as tables");
        var paths = new Argument<string[]>("paths") { Description = "Reports (text, HTML), Parley document JSON (.json, .jsonl), directories, or - for standard input", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format", "-f") { Description = "csv or jsonl", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "jsonl");
        var dictionaries = new DictionaryOptions();
        var events = new Command("events", "One row per event dyad: date, actors (name, country, type codes), event and root code, quad class, Goldstein, place, document, evidence") { paths, format };
        dictionaries.AddTo(events);
        events.SetAction(parsed =>
        {
            CliArguments.RejectOptionLikePaths(parsed.GetValue(paths)!);
            var pipeline = ParleyPipelines.CreateDefault(IntakeOptions.Default, dictionaries.Read(parsed));
            return Run(context, pipeline, parsed.GetValue(paths)!, parsed.GetValue(format)!);
        });
        export.Subcommands.Add(events);
        return export;
    }

    private static int Run(CliContext context, DocumentPipeline pipeline, string[] paths, string format)
    {
        int failed = 0;
        if (format == "csv")
        {
            context.Out.WriteLine(EventTable.CsvHeader());
        }

        foreach (var (id, document) in Documents(context, pipeline, paths, () => failed++))
        {
            foreach (var row in EventTable.Rows(document, id))
            {
                context.Out.WriteLine(format == "csv" ? EventTable.ToCsv(row) : JsonSerializer.Serialize(row, DocumentJson.Options));
            }
        }

        context.Out.Flush();
        return failed == 0 ? ParleyCli.ExitOk : ParleyCli.ExitSomeFailed;
    }

    /// <summary>Analyses reports; reads Parley document JSON (one object, an array, or one per line) as it is.</summary>
    private static IEnumerable<(string Id, NewsDocument Document)> Documents(CliContext context, DocumentPipeline pipeline, string[] paths, Action onFailure)
    {
        foreach (var path in paths)
        {
            if (File.Exists(path) && Path.GetExtension(path).ToLowerInvariant() is ".json" or ".jsonl")
            {
                List<NewsDocument> read;
                try
                {
                    read = ReadJson(File.ReadAllText(path));
                }
                catch (ParleyException e)
                {
                    onFailure();
                    context.Error.WriteLine($"parley: {path}: {e.Message}");
                    continue;
                }

                foreach (var d in read)
                {
                    yield return (d.Metadata.Source ?? path, d);
                }

                continue;
            }

            foreach (var (id, load) in InputExpander.Expand([path], context, IntakeOptions.Default))
            {
                NewsDocument? document = null;
                try
                {
                    document = pipeline.Process(load());
                }
                catch (ParleyException e)
                {
                    onFailure();
                    context.Error.WriteLine($"parley: {id}: {e.Message}");
                }

                if (document is not null)
                {
                    yield return (id, document);
                }
            }
        }
    }

    private static List<NewsDocument> ReadJson(string text)
    {
        try
        {
            return ParseJson(text);
        }
        catch (JsonException e)
        {
            throw new ParleyException(ErrorCode.MalformedInput, $"not Parley document JSON: {e.Message}");
        }
    }

    private static List<NewsDocument> ParseJson(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('['))
        {
            using var json = JsonDocument.Parse(trimmed);
            return json.RootElement.EnumerateArray().Select(e => DocumentJson.Deserialize(e.GetRawText())).ToList();
        }

        var lines = trimmed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length > 1 && lines.All(l => l.StartsWith('{'))
            ? lines.Select(DocumentJson.Deserialize).ToList()
            : [DocumentJson.Deserialize(trimmed)];
    }
}
