using System.CommandLine;
using Parley.Storage;

namespace Parley.Cli;

/// <summary>The --store option shared by ingest, search and serve, and opening the store it names.</summary>
internal static class StoreOption
{
    public static Option<string> Create() => new("--store", "-s")
    {
        Description = $"The store: a SQLite file (default ./{DocumentStore.DefaultPath}) or postgres://user:password@host:port/database[?schema=name]; also PARLEY_STORE",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("PARLEY_STORE") is { Length: > 0 } s ? s : DocumentStore.DefaultPath,
    };

    /// <summary>Runs <paramref name="action"/> with the opened store; store and query problems print one line and exit 2.</summary>
    public static int With(CliContext context, string spec, Func<IDocumentStore, int> action)
    {
        try
        {
            using var store = DocumentStore.Open(spec);
            return action(store);
        }
        catch (ParleyException e) when (e.Code is ErrorCode.StoreUnavailable or ErrorCode.StoreVersion or ErrorCode.BadQuery or ErrorCode.Usage)
        {
            context.Error.WriteLine($"parley: {e.Message}");
            return ParleyCli.ExitUsage;
        }
    }
}
