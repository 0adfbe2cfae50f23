using System.CommandLine;
using System.Globalization;
using Parley.Intake;
using Parley.Pipeline;
using Parley.Storage;
using Spectre.Console;

namespace Parley.Cli;

/// <summary>`parley ingest PATH...`: analyse reports and store them, skipping any already stored.</summary>
internal static class IngestCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or directories: .html, .html.gz, .txt, .jsonl ({url, html|text, published} or Parley documents), RSS/Atom feeds", Arity = ArgumentArity.OneOrMore };
        var store = StoreOption.Create();
        var batch = new Option<int>("--batch") { Description = "Documents per transaction", DefaultValueFactory = _ => 32 };
        var maxBytes = new Option<long>("--max-bytes") { Description = "Largest input accepted, in bytes", DefaultValueFactory = _ => IntakeOptions.Default.MaxInputBytes };
        var command = new Command("ingest", "Analyse reports and add them to a store; re-ingesting the same content changes nothing") { paths, store, batch, maxBytes };
        command.SetAction(parsed =>
        {
            var options = new IntakeOptions { MaxInputBytes = parsed.GetValue(maxBytes) };
            return StoreOption.With(context, parsed.GetValue(store)!, s => Run(context, s, ParleyPipelines.CreateDefault(options), parsed.GetValue(paths)!, options, Math.Clamp(parsed.GetValue(batch), 1, 1000)));
        });
        return command;
    }

    internal static int Run(CliContext context, IDocumentStore store, DocumentPipeline pipeline, string[] paths, IntakeOptions options, int batchSize)
    {
        var sources = IngestSources.Expand(paths, options);
        var ingestor = new Ingestor(store, pipeline)
        {
            BatchSize = batchSize,
            OnFailure = (id, message) => context.Error.WriteLine($"parley: {id}: {message}"),
        };
        string layers = string.Join(", ", pipeline.Assigns.Distinct());
        context.Error.WriteLine($"parley: ingesting into {store.Location} (layers: {layers})");
        IngestProgress result = context.ErrorIsTerminal ? RunWithBar(ingestor, sources) : RunWithLines(context, ingestor, sources);
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingested {result.Done} inputs in {result.Elapsed.TotalSeconds:F1} s ({result.Rate:F1}/s): {result.Added} added, {result.Replaced} replaced, {result.Unchanged} unchanged, {result.Failed} failed; the store holds {store.CountDocuments()} documents"));
        return result.Failed == 0 ? ParleyCli.ExitOk : ParleyCli.ExitSomeFailed;
    }

    /// <summary>A progress bar with count, rate and time left, drawn on the terminal's stderr.</summary>
    private static IngestProgress RunWithBar(Ingestor ingestor, List<IngestSource> sources)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        IngestProgress? result = null;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("ingest", maxValue: Math.Max(1, sources.Sum(s => s.Count)));
                result = ingestor.Run(sources, p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                    task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{p.Done:N0}/{p.Total:N0} · {p.Rate:F1}/s · {p.Failed} failed"));
                });
            });
        return result!;
    }

    /// <summary>Plain lines every few seconds (and at the end) when stderr is a file or a pipe.</summary>
    private static IngestProgress RunWithLines(CliContext context, Ingestor ingestor, List<IngestSource> sources)
    {
        var last = TimeSpan.Zero;
        long lastDone = -1;
        return ingestor.Run(sources, p =>
        {
            if ((p.Elapsed - last < TimeSpan.FromSeconds(2) && p.Done < p.Total) || p.Done == lastDone)
            {
                return;
            }

            last = p.Elapsed;
            lastDone = p.Done;
            context.Error.WriteLine(ProgressLine(p));
        });
    }

    internal static string ProgressLine(IngestProgress p) => string.Create(CultureInfo.InvariantCulture,
        $"ingest: {p.Done}/{p.Total} ({(p.Total == 0 ? 100 : 100.0 * p.Done / p.Total):F0}%), {p.Rate:F1}/s, ETA {(p.Eta is { } eta ? eta.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "--:--:--")}, {p.Added} added, {p.Unchanged} unchanged, {p.Failed} failed");
}
