using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Parley.Documents;
using Parley.Events;
using Parley.Intake;
using Parley.Pipeline;

namespace Parley.Cli;

/// <summary>`parley events PATH...`: who did what to whom, where and when, with the sentence that shows it.</summary>
internal static class EventsCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths") { Description = "Files, directories or - for standard input", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format", "-f") { Description = "Output: text (for people), json, jsonl", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "jsonl");
        var dictionaries = new DictionaryOptions();
        var command = new Command("events", "Code political events (PLOVER type with CAMEO code): source, target, place, date and evidence") { paths, format };
        dictionaries.AddTo(command);
        command.SetAction(parsed =>
        {
            CliArguments.RejectOptionLikePaths(parsed.GetValue(paths)!);
            var pipeline = ParleyPipelines.CreateDefault(IntakeOptions.Default, dictionaries.Read(parsed));
            return Run(context, pipeline, parsed.GetValue(paths)!, parsed.GetValue(format)!);
        });
        return command;
    }

    private static int Run(CliContext context, DocumentPipeline pipeline, string[] paths, string format)
    {
        int failed = 0;
        bool first = true;
        if (format == "json")
        {
            context.Out.WriteLine("[");
        }

        foreach (var (id, load) in InputExpander.Expand(paths, context, IntakeOptions.Default))
        {
            NewsDocument document;
            try
            {
                document = pipeline.Process(load());
            }
            catch (ParleyException e)
            {
                failed++;
                context.Error.WriteLine($"parley: {id}: {e.Message}");
                continue;
            }

            switch (format)
            {
                case "text":
                    context.Out.Write(RenderText(id, document));
                    break;
                case "json":
                    context.Out.Write((first ? "" : ",\n") + EventJson(id, document, indented: true));
                    break;
                default:
                    context.Out.WriteLine(EventJson(id, document, indented: false));
                    break;
            }

            first = false;
        }

        if (format == "json")
        {
            context.Out.WriteLine(first ? "]" : "\n]");
        }

        return failed == 0 ? ParleyCli.ExitOk : ParleyCli.ExitSomeFailed;
    }

    /// <summary>A document's events with their actors and evidence spelled out, so the output reads without the document.</summary>
    internal static string EventJson(string id, NewsDocument d, bool indented)
    {
        var events = d.Events.Select(e => new Dictionary<string, object?>
        {
            ["type"] = e.Type,
            ["mode"] = e.Mode,
            ["context"] = e.Context,
            ["cameo"] = e.Cameo,
            ["quadClass"] = e.QuadClass,
            ["goldstein"] = e.Goldstein,
            ["verbal"] = e.Verbal,
            ["sources"] = e.Sources.Select(i => ActorView(d, i)).ToList(),
            ["targets"] = e.Targets.Select(i => ActorView(d, i)).ToList(),
            ["reciprocal"] = e.Reciprocal,
            ["place"] = e.Place,
            ["date"] = e.Date,
            ["evidence"] = e.Evidence.Select(s => new { start = s.Start, length = s.Length, text = d[s] }).ToList(),
            ["confidence"] = e.Confidence,
            ["claimedBy"] = e.ClaimedBy is { } c && c < d.Entities.Count ? d.Entities[c].Name : null,
        }).ToList();
        var payload = new Dictionary<string, object?> { ["document"] = id, ["id"] = d.ContentHash, ["title"] = d.Metadata.Title, ["events"] = events };
        return JsonSerializer.Serialize(payload, indented ? DocumentJson.IndentedOptions : DocumentJson.Options);
    }

    private static object ActorView(NewsDocument d, int entity)
    {
        var e = d.Entities[entity];
        return new { entity, name = e.Name, code = EventComponent.ActorCode(e.Actor), country = e.Actor?.Country };
    }

    internal static string RenderText(string id, NewsDocument d)
    {
        var sb = new StringBuilder();
        sb.Append("== ").Append(id).Append(": ").Append(d.Events.Count.ToString(CultureInfo.InvariantCulture)).AppendLine(" event(s)");
        foreach (var e in d.Events)
        {
            string Names(IEnumerable<int> ids) => string.Join(" + ", ids.Select(i => $"{d.Entities[i].Name} [{EventComponent.ActorCode(d.Entities[i].Actor) ?? "?"}]"));
            sb.Append("  ").Append(e.Type);
            if (e.Mode is not null)
            {
                sb.Append('/').Append(e.Mode);
            }

            sb.Append(" (CAMEO ").Append(e.Cameo).Append(", Goldstein ").Append(e.Goldstein?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-")
              .Append(", ").Append(e.Verbal ? "verbal" : "material").Append(')');
            sb.Append(": ").Append(Names(e.Sources));
            sb.Append(e.Reciprocal ? " (with each other)" : e.Targets.Count > 0 ? " -> " + Names(e.Targets) : "");
            if (e.Date is not null)
            {
                sb.Append("  on ").Append(e.Date);
            }

            if (e.Place is not null)
            {
                sb.Append("  in ").Append(e.Place.Name).Append(e.Place.Country is null ? "" : $" ({e.Place.Country})");
            }

            sb.Append("  confidence ").Append(e.Confidence.ToString("0.00", CultureInfo.InvariantCulture));
            if (e.ClaimedBy is { } c && c < d.Entities.Count)
            {
                sb.Append("  claimed by ").Append(d.Entities[c].Name);
            }

            sb.AppendLine();
            foreach (var span in e.Evidence)
            {
                sb.Append("      «").Append(d[span].Replace('\n', ' ')).Append("» @").Append(span.Start.ToString(CultureInfo.InvariantCulture)).AppendLine();
            }
        }

        return sb.ToString();
    }
}

/// <summary>The dictionary options shared by `events`, `export events` and `eval events`.</summary>
internal sealed class DictionaryOptions
{
    private readonly Option<string[]> _verbs = new("--verbs") { Description = "PETRARCH verb dictionary (CAMEO.verbpatterns format) to add; repeatable", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string[]> _actors = new("--actors") { Description = "PETRARCH/TABARI actor dictionary to add; repeatable", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string[]> _agents = new("--agents") { Description = "PETRARCH agent dictionary to add; repeatable", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string[]> _discards = new("--discards") { Description = "PETRARCH discard list to add; repeatable", AllowMultipleArgumentsPerToken = true };
    private readonly Option<bool> _noBuiltIn = new("--no-builtin-patterns") { Description = "Code only with the given verb dictionaries" };

    public void AddTo(Command command)
    {
        command.Options.Add(_verbs);
        command.Options.Add(_actors);
        command.Options.Add(_agents);
        command.Options.Add(_discards);
        command.Options.Add(_noBuiltIn);
    }

    public EventOptions Read(ParseResult parsed) => new()
    {
        VerbDictionaries = parsed.GetValue(_verbs) ?? [],
        ActorDictionaries = parsed.GetValue(_actors) ?? [],
        AgentDictionaries = parsed.GetValue(_agents) ?? [],
        DiscardLists = parsed.GetValue(_discards) ?? [],
        UseBuiltInPatterns = !parsed.GetValue(_noBuiltIn),
    };
}
