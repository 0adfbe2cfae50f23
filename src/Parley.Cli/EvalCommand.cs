using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Parley.Cli.Eval;
using Parley.Documents;
using Parley.Pipeline;

namespace Parley.Cli;

/// <summary>`parley eval KIND`: measure Parley on gold data. Tables for people on stdout, then one JSON line for scripts.</summary>
internal static class EvalCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("eval", "Measure Parley against gold data in the shared data folder (see --data)");
        command.Subcommands.Add(CreateTimex(context));
        command.Subcommands.Add(EvalEventsCommand.Create(context));
        command.Subcommands.Add(EntityCommands.CreateEval(context));
        command.Subcommands.Add(EvalUdCommand.Create(context));
        command.Subcommands.Add(EvalUdCommand.CreatePos(context));
        return command;
    }

    private static Option<string?> DataOption() => new("--data")
    {
        Description = "The shared data folder (default: $PARLEY_DATA, else the nearest shared/data above the current directory)",
    };

    private static Command CreateTimex(CliContext context)
    {
        var data = DataOption();
        var errors = new Option<int>("--errors") { Description = "Also list this many errors (misses, spurious, wrong values) of the chosen split", DefaultValueFactory = _ => 0 };
        var split = new Option<string>("--split") { Description = "Which documents to list errors for: dev, test or all", DefaultValueFactory = _ => "dev" };
        split.AcceptOnlyFromAmong("dev", "test", "all");
        var command = new Command("timex", "Time expressions on MEANTIME (English): extent F1 strict and relaxed, value F1 and accuracy, per type") { data, errors, split };
        command.SetAction(parsed => RunTimex(context, DataLocator.Find(parsed.GetValue(data)), parsed.GetValue(errors), parsed.GetValue(split)!));
        return command;
    }

    internal static int RunTimex(CliContext context, string dataDirectory, int errorCount, string errorSplit)
    {
        string corpus = Path.Combine(dataDirectory, "meantime-en", "intra_cross-doc_annotation");
        if (!Directory.Exists(corpus))
        {
            throw new ParleyException(ErrorCode.DataMissing, $"MEANTIME not found at {corpus}; pass --data with the shared data folder or set PARLEY_DATA");
        }

        var docs = MeantimeCorpus.Load(corpus);
        var pipeline = ParleyPipelines.CreateDefault();
        var scorers = new Dictionary<string, TimexScorer> { ["dev"] = new(), ["test"] = new(), ["all"] = new() };
        var errorsOf = new List<(MeantimeDocument Doc, TimexScorer.Outcome Outcome)>();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < docs.Count; i++)
        {
            var doc = docs[i];
            pipeline.Run(doc.Document);

            // Only the annotated sentences count; the date line is the document creation time, which TempEval
            // gives and does not score.
            var gold = doc.Gold.Where(g => !doc.DateLine.Overlaps(new TextSpan(g.Start, g.End - g.Start))).ToList();
            var system = doc.Document.TimeExpressions.Where(t => doc.Annotated.Contains(t.Span) && !doc.DateLine.Overlaps(t.Span)).ToList();
            string part = i % 2 == 0 ? "dev" : "test";
            var scorer = new TimexScorer();
            scorer.Add(gold, system);
            scorers[part].Add(gold, system);
            scorers["all"].Add(gold, system);
            if (errorSplit == "all" || errorSplit == part)
            {
                errorsOf.AddRange(scorer.Errors.Select(e => (doc, e)));
            }
        }

        double seconds = clock.Elapsed.TotalSeconds;
        var o = context.Out;
        o.WriteLine($"parley eval timex: MEANTIME English, {docs.Count} documents, {scorers["all"].GoldCount} gold TIMEX3 (creation times and implicit timexes left out)");
        o.WriteLine($"Scored: the title and sentences 2-{MeantimeCorpus.LastAnnotatedSentence} of each article (MEANTIME annotates time only there; the date line is the DCT).");
        o.WriteLine("Split: documents sorted by doc_id; dev = even positions, test = odd positions.");
        o.WriteLine("Strict: same character span. Relaxed: any overlap (P over system, R over gold expressions). Value P/R/F1: TempEval-3");
        o.WriteLine("attribute F1: each expression is paired with the overlapping one sharing most characters; correct when the values are");
        o.WriteLine("the same string. val.acc: share of found gold expressions given the right value. type F1: as value F1, for the type.");
        o.WriteLine();
        o.WriteLine($"{"split",-6}{"docs",5}{"gold",6}{"sys",6}   {"strict P/R/F1",-20}{"relaxed P/R/F1",-20}{"value P/R/F1",-20}{"val.acc",8}{"type F1",8}");
        foreach (var name in new[] { "dev", "test", "all" })
        {
            var s = scorers[name];
            int n = name == "all" ? docs.Count : name == "dev" ? (docs.Count + 1) / 2 : docs.Count / 2;
            o.WriteLine($"{name,-6}{n,5}{s.GoldCount,6}{s.SystemCount,6}   {Triple(s.Strict),-20}{Triple(s.Relaxed),-20}{Triple(s.Value),-20}{Pct(s.ValueAccuracy),8}{Pct(s.Type.F1),8}");
        }

        o.WriteLine();
        o.WriteLine("Per type (all documents; gold side by gold type, precision by system type):");
        o.WriteLine($"{"type",-10}{"gold",6}{"sys",6}{"strict R",10}{"relaxed R",11}{"relaxed P",11}{"val.acc",9}{"value F1",10}");
        foreach (var t in scorers["all"].PerType())
        {
            o.WriteLine($"{t.Type,-10}{t.Gold,6}{t.System,6}{Pct(t.StrictRecall),10}{Pct(t.RelaxedRecall),11}{Pct(t.RelaxedPrecision),11}{Pct(t.ValueAccuracy),9}{Pct(t.ValueF1),10}");
        }

        o.WriteLine();
        o.WriteLine($"Speed: {docs.Count / seconds:F1} documents/s over the default pipeline ({seconds:F2} s).");
        if (errorCount > 0)
        {
            o.WriteLine();
            o.WriteLine($"Errors ({errorSplit}, first {errorCount}):");
            foreach (var (doc, e) in errorsOf.Take(errorCount))
            {
                string text = doc.Document.Text;
                int at = e.Gold?.Start ?? e.System!.Start;
                int end = e.Gold?.End ?? e.System!.Start + e.System.Length;
                string context2 = text[Math.Max(0, at - 40)..Math.Min(text.Length, end + 30)].Replace('\n', ' ');
                string gold = e.Gold is null ? "-" : $"«{text[e.Gold.Start..e.Gold.End]}» {e.Gold.Type} {e.Gold.Value}";
                string sys = e.System is null ? "-" : $"«{text.Substring(e.System.Start, e.System.Length)}» {e.System.Type} {e.System.Value}";
                o.WriteLine($"  {doc.Id,7} {e.Kind,-9} gold {gold} | sys {sys} | dct {doc.CreationTime} | …{context2}…");
            }
        }

        var json = new Dictionary<string, object>
        {
            ["corpus"] = "meantime-en",
            ["docs"] = docs.Count,
            ["dev"] = Summary(scorers["dev"]),
            ["test"] = Summary(scorers["test"]),
            ["all"] = Summary(scorers["all"]),
            ["per_type"] = scorers["all"].PerType().ToDictionary(t => t.Type, t => (object)new Dictionary<string, object>
            {
                ["gold"] = t.Gold, ["system"] = t.System, ["strict_recall"] = R(t.StrictRecall), ["relaxed_recall"] = R(t.RelaxedRecall),
                ["relaxed_precision"] = R(t.RelaxedPrecision), ["value_accuracy"] = R(t.ValueAccuracy), ["value_f1"] = R(t.ValueF1),
            }),
            ["docs_per_s"] = Math.Round(docs.Count / seconds, 1),
        };
        o.WriteLine(JsonSerializer.Serialize(json));
        return ParleyCli.ExitOk;
    }

    private static Dictionary<string, object> Summary(TimexScorer s) => new()
    {
        ["gold"] = s.GoldCount,
        ["system"] = s.SystemCount,
        ["strict"] = Prf(s.Strict),
        ["relaxed"] = Prf(s.Relaxed),
        ["value"] = Prf(s.Value),
        ["value_accuracy"] = R(s.ValueAccuracy),
        ["type_f1"] = R(s.Type.F1),
    };

    private static Dictionary<string, double> Prf(Prf p) => new() { ["p"] = R(p.Precision), ["r"] = R(p.Recall), ["f1"] = R(p.F1) };

    private static double R(double x) => Math.Round(100 * x, 2);

    private static string Pct(double x) => (100 * x).ToString("F1", CultureInfo.InvariantCulture);

    private static string Triple(Prf p) => $"{Pct(p.Precision)}/{Pct(p.Recall)}/{Pct(p.F1)}";
}

/// <summary>Finds the shared data folder: the option, $PARLEY_DATA, or the nearest shared/data above the current directory.</summary>
internal static class DataLocator
{
    public static string Find(string? option)
    {
        if (!string.IsNullOrEmpty(option))
        {
            return option;
        }

        if (Environment.GetEnvironmentVariable("PARLEY_DATA") is { Length: > 0 } env)
        {
            return env;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new ParleyException(ErrorCode.DataMissing, "the shared data folder was not found; pass --data DIR or set PARLEY_DATA");
    }
}
