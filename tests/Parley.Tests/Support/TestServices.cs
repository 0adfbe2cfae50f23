using Npgsql;
using Xunit;

namespace Parley.Tests;

/// <summary>
/// The services some tests need (PostgreSQL, Chromium), configured as .ci/run sets them up. When one is
/// missing the test skips and says what to install; it never passes silently.
/// </summary>
public static class TestServices
{
    public const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=app;Password=app;Database=app";
    public const string DefaultChromium = "/usr/bin/chromium";

    private static readonly Lazy<string?> PostgresProblem = new(ProbePostgres);

    public static string PostgresConnectionString =>
        Environment.GetEnvironmentVariable("PARLEY_TEST_POSTGRES") is { Length: > 0 } s ? s : DefaultPostgres;

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("PARLEY_CHROMIUM") is { Length: > 0 } s ? s : DefaultChromium;

    /// <summary>Skips the test unless PostgreSQL answers at <see cref="PostgresConnectionString"/>.</summary>
    public static string RequirePostgres()
    {
        Skip.If(PostgresProblem.Value is not null, PostgresProblem.Value);
        return PostgresConnectionString;
    }

    /// <summary>Skips the test unless the Chromium binary exists.</summary>
    public static string RequireChromium()
    {
        string path = ChromiumPath;
        Skip.IfNot(File.Exists(path),
            $"Chromium not found at {path}: apt-get install chromium, or set PARLEY_CHROMIUM to its path (see .ci/run)");
        return path;
    }

    /// <summary>A schema name no other test run uses.</summary>
    public static string UniqueSchema(string prefix) => $"{prefix}_{Guid.NewGuid():N}";

    private static string? ProbePostgres()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Timeout = 3, Pooling = false };
        try
        {
            using var c = new NpgsqlConnection(builder.ConnectionString);
            c.Open();
            return null;
        }
        catch (Exception e)
        {
            return $"PostgreSQL not reachable at {builder.Host}:{builder.Port} (database {builder.Database}, user {builder.Username}): {e.Message}. "
                + "apt-get install postgresql and start it with role app/app and database app, or set PARLEY_TEST_POSTGRES (see .ci/run)";
        }
    }
}
