namespace Parley.Storage;

/// <summary>Opens a store from what a user types after --store: a file path (SQLite) or a postgres:// URI.</summary>
public static class DocumentStore
{
    /// <summary>The store used when none is named: parley.db in the current folder.</summary>
    public const string DefaultPath = "parley.db";

    public static bool IsPostgres(string spec) =>
        spec.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || spec.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    public static IDocumentStore Open(string? spec)
    {
        spec = string.IsNullOrWhiteSpace(spec) ? DefaultPath : spec.Trim();
        return IsPostgres(spec) ? PostgresDocumentStore.Open(spec) : SqliteDocumentStore.Open(spec);
    }
}
