using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Parley.Documents;
using Parley.Events;
using Parley.Events.Codebook;
using Parley.Events.Evaluation;
using Parley.Intake;
using Parley.Pipeline;

namespace Parley.Cli;

/// <summary>`parley eval events`: event coding on PETRARCH-2's unit tests and PLOVER's example records, and pipeline speed.</summary>
internal static class EvalEventsCommand
{
    public static Command Create(CliContext context)
    {
        var data = new Option<string?>("--data") { Description = "The shared data folder (default: PARLEY_DATA or ../shared/data)" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "List every record that was not coded exactly" };
        var speedSeconds = new Option<double>("--speed-seconds") { Description = "How long to run the speed measurement", DefaultValueFactory = _ => 3.0 };
        var actors = new Option<string[]>("--plover-actors") { Description = "Actor dictionaries to add for the PLOVER records (default: none; the entity layer resolves actors)", AllowMultipleArgumentsPerToken = true };
        var command = new Command("events", "PETRARCH-2 unit tests from raw text (triple P/R/F1), PLOVER records (type and country accuracy), speed") { data, verbose, actors, speedSeconds };
        command.SetAction(parsed => Run(context, DataLocator.Find(parsed.GetValue(data)), parsed.GetValue(verbose), parsed.GetValue(actors) ?? [], parsed.GetValue(speedSeconds)));
        return command;
    }

    private static int Run(CliContext context, string data, bool verbose, string[] ploverActors, double speedSeconds)
    {
        var unitTests = Path.Combine(data, "petrarch2", "validation", "PETR.UnitTest.records.xml");
        var dictionaries = Path.Combine(data, "petrarch2", "dictionaries");
        var plover = Path.Combine(data, "plover", "PLOVER_GSR_CAMEO.json");
        foreach (var path in new[] { unitTests, dictionaries, plover })
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw new ParleyException(ErrorCode.DataMissing, $"{path} not found: give --data or set PARLEY_DATA to the shared data folder");
            }
        }

        var output = context.Out;
        var (records, env) = EventEvaluation.ReadPetrarch(unitTests);
        string Dict(string key) => Path.Combine(dictionaries, env.TryGetValue(key, out var f) ? f : throw new ParleyException(ErrorCode.MalformedInput, $"{unitTests} names no <{key}>"));
        var petrarchOptions = new EventOptions
        {
            UseBuiltInPatterns = false,
            VerbDictionaries = [Dict("Verbfile")],
            ActorDictionaries = [Dict("Actorfile")],
            AgentDictionaries = [Dict("Agentfile")],
            DiscardLists = [Dict("Discardfile")],
        };
        var petrarchPipeline = ParleyPipelines.CreateDefault(IntakeOptions.Default, petrarchOptions);
        Prf all = default, allRoot = default, dev = default, test = default;
        var misses = new List<RecordResult>();
        for (int i = 0; i < records.Count; i++)
        {
            var r = records[i];
            var doc = Analyse(petrarchPipeline, r.Id, r.Text, EventEvaluation.IsoDate(r.Date));
            var predicted = EventEvaluation.Triples(doc);
            var gold = r.Gold;
            var score = EventEvaluation.Score(predicted, gold);
            var root = EventEvaluation.Score(predicted.Select(Root).ToList(), gold.Select(Root).ToList());
            all += score;
            allRoot += root;
            if (i % 2 == 0)
            {
                dev += score;
            }
            else
            {
                test += score;
            }

            if (score.TruePositives != gold.Count || score.Predicted != gold.Count)
            {
                misses.Add(new RecordResult(r.Id, gold.Select(Show).ToList(), predicted.Select(Show).ToList()));
            }
        }

        output.WriteLine($"PETRARCH-2 unit tests: {records.Count} records from raw text (validation dictionaries: {string.Join(", ", env.Where(p => p.Key.EndsWith("file", StringComparison.Ordinal) && p.Key != "Errorfile").Select(p => p.Value))})");
        output.WriteLine($"  {"",-30} {"P",7} {"R",7} {"F1",7}  {"tp/pred/gold",14}");
        WriteRow(output, "triples (all)", all);
        WriteRow(output, "root code only (all)", allRoot);
        WriteRow(output, "triples, even records", dev);
        WriteRow(output, "triples, odd records", test);
        if (verbose)
        {
            foreach (var m in misses)
            {
                output.WriteLine($"  miss {m.Id}: gold [{string.Join("; ", m.Gold)}] predicted [{string.Join("; ", m.Predicted)}]");
            }
        }

        // PLOVER example records, coded with Parley's own patterns.
        var ploverRecords = EventEvaluation.ReadPlover(plover);
        var ploverPipeline = ParleyPipelines.CreateDefault(IntakeOptions.Default, new EventOptions { ActorDictionaries = ploverActors });
        int typeRight = 0, srcTotal = 0, srcRight = 0, tarTotal = 0, tarRight = 0, coded = 0, evenRight = 0, evenTotal = 0;
        var confusion = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < ploverRecords.Count; i++)
        {
            var r = ploverRecords[i];
            var doc = Analyse(ploverPipeline, r.Id, r.Text, null);
            var best = doc.Events.OrderByDescending(e => e.Confidence).FirstOrDefault();
            coded += best is null ? 0 : 1;
            bool right = best?.Type == r.Type;
            typeRight += right ? 1 : 0;
            if (i % 2 == 0)
            {
                evenTotal++;
                evenRight += right ? 1 : 0;
            }

            var key = $"{r.Type} -> {best?.Type ?? "(none)"}";
            confusion[key] = confusion.GetValueOrDefault(key) + 1;
            if (r.SourceCountries.Count > 0)
            {
                srcTotal++;
                srcRight += best is not null && Countries(doc, best.Sources).Overlaps(r.SourceCountries) ? 1 : 0;
            }

            if (r.TargetCountries.Count > 0)
            {
                tarTotal++;
                var targets = best is null ? [] : best.Reciprocal ? best.Sources : best.Targets;
                tarRight += best is not null && Countries(doc, targets).Overlaps(r.TargetCountries) ? 1 : 0;
            }

            if (verbose && !right)
            {
                output.WriteLine($"  plover #{i} {r.Id}: gold {r.Type}, predicted {best?.Type ?? "(none)"} {best?.Cameo}: {r.Text}");
            }
        }

        double typeAccuracy = Ratio(typeRight, ploverRecords.Count);
        double sourceAccuracy = Ratio(srcRight, srcTotal);
        double targetAccuracy = Ratio(tarRight, tarTotal);
        output.WriteLine();
        output.WriteLine($"PLOVER records: {ploverRecords.Count} sentences, {coded} coded (draft categories DEMAND, DISAPPROVE, INVESTIGATE, FIGHT read as REQUEST, ACCUSE, ACCUSE, ASSAULT)");
        output.WriteLine($"  type accuracy          {typeAccuracy:0.000}  ({typeRight}/{ploverRecords.Count}; even records {Ratio(evenRight, evenTotal):0.000}, odd records {Ratio(typeRight - evenRight, ploverRecords.Count - evenTotal):0.000})");
        output.WriteLine($"  source country accuracy {sourceAccuracy:0.000}  ({srcRight}/{srcTotal})");
        output.WriteLine($"  target country accuracy {targetAccuracy:0.000}  ({tarRight}/{tarTotal})");
        if (verbose)
        {
            foreach (var (k, v) in confusion.OrderByDescending(p => p.Value))
            {
                output.WriteLine($"    {v,4}  {k}");
            }
        }

        // Speed: the whole default pipeline (intake, every analysis component, events), one thread.
        var texts = ploverRecords.Select(r => r.Text).Concat(records.Select(r => r.Text)).ToList();
        var speedPipeline = ParleyPipelines.CreateDefault();
        EventEvaluation.Time(speedPipeline, texts.Take(50));
        int sentences = 0;
        double seconds = 0;
        while (seconds < speedSeconds)
        {
            var (s, t) = EventEvaluation.Time(speedPipeline, texts);
            sentences += s;
            seconds += t;
        }

        double speed = sentences / seconds;
        var timings = speedPipeline.Timings();
        double total = timings.Sum(t => t.Time.TotalSeconds);
        output.WriteLine();
        output.WriteLine("Time per stage: " + string.Join(", ", timings.Select(t => $"{t.Name} {100 * t.Time.TotalSeconds / Math.Max(total, 1e-9):0}%")));
        output.WriteLine($"Speed: {speed:0} sentences/s ({sentences} sentences in {seconds:0.00} s, one thread, components: {string.Join(", ", speedPipeline.Components.Select(c => c.Name))})");
        var summary = new
        {
            petrarch = new { f1 = Math.Round(all.F1, 4), precision = Math.Round(all.Precision, 4), recall = Math.Round(all.Recall, 4), root_f1 = Math.Round(allRoot.F1, 4) },
            plover = new { type_accuracy = Math.Round(typeAccuracy, 4), source_accuracy = Math.Round(sourceAccuracy, 4), target_accuracy = Math.Round(targetAccuracy, 4) },
            sentences_per_s = Math.Round(speed, 1),
        };
        output.WriteLine(JsonSerializer.Serialize(summary));
        return ParleyCli.ExitOk;
    }

    private static NewsDocument Analyse(DocumentPipeline pipeline, string id, string text, string? date)
    {
        var document = pipeline.Intake.Read(EventEvaluation.InputFor(id, text));
        if (date is not null)
        {
            document.Metadata.Published = date;
        }

        pipeline.Run(document);
        return document;
    }

    private static (string, string, string) Root((string Source, string Target, string Code) t) => (t.Source, t.Target, t.Code.Length > 2 ? t.Code[..2] : t.Code);

    private static string Show((string Source, string Target, string Code) t) => $"{t.Source} {t.Target} {t.Code}";

    private static HashSet<string> Countries(NewsDocument d, IEnumerable<int> entities) =>
        entities.Select(i => d.Entities[i].Actor?.Country ?? EventComponent.ActorCode(d.Entities[i].Actor) ?? "")
            .Where(c => c.Length >= 3).Select(c => c[..3].ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    private static void WriteRow(TextWriter output, string name, Prf p) =>
        output.WriteLine($"  {name,-30} {p.Precision,7:0.000} {p.Recall,7:0.000} {p.F1,7:0.000}  {p.TruePositives,4}/{p.Predicted}/{p.Gold}");
}
