using System.Data.Common;
using System.Text;
using Npgsql;

namespace Parley.Storage;

/// <summary>
/// A store in a PostgreSQL database, for a team sharing one collection. Full-text search uses a stored
/// tsvector column (English stemming, title weighted above body) with a GIN index; each query word reaches
/// PostgreSQL only through websearch_to_tsquery or, for prefixes, a to_tsquery of letters and digits.
/// </summary>
public sealed class PostgresDocumentStore : RelationalDocumentStore
{
    /// <summary>Text beyond this is kept but not indexed: PostgreSQL refuses a tsvector over 1 MB.</summary>
    private const int IndexedChars = 400_000;
    private readonly NpgsqlDataSource _source;
    private readonly string _location;

    private PostgresDocumentStore(string connectionString, string schema)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema };
        Schema = schema;
        _location = $"postgres://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database} (schema {schema})";
        _source = NpgsqlDataSource.Create(builder);
    }

    public string Schema { get; }

    public override string Kind => "postgres";

    public override string Location => _location;

    public override IReadOnlyList<Migration> Migrations => PostgresMigrations.All;

    /// <summary>
    /// Opens the store in <paramref name="schema"/> (created if missing) and upgrades it.
    /// <paramref name="connection"/> is an Npgsql connection string or a postgres:// URI.
    /// </summary>
    public static PostgresDocumentStore Open(string connection, string? schema = null, int? schemaVersion = null)
    {
        string connectionString = connection.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || connection.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            ? FromUri(connection, out var uriSchema, out _) : connection;
        schema ??= UriSchema(connection) ?? "parley";
        if (!IsIdentifier(schema))
        {
            throw new ParleyException(ErrorCode.Usage, $"schema '{schema}' must be letters, digits and underscores, starting with a letter");
        }

        var store = new PostgresDocumentStore(connectionString, schema);
        try
        {
            using (var c = store._source.OpenConnection())
            {
                Execute(c, null, $"CREATE SCHEMA IF NOT EXISTS {schema}");
            }

            store.Migrate(schemaVersion);
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            store.Dispose();
            throw new ParleyException(ErrorCode.StoreUnavailable, $"{store.Location}: {e.Message}", e);
        }
        catch
        {
            store.Dispose();
            throw;
        }

        return store;
    }

    /// <summary>Drops the store's schema and everything in it (for tests and benchmarks).</summary>
    public void DropSchema()
    {
        using var c = _source.OpenConnection();
        Execute(c, null, $"DROP SCHEMA IF EXISTS {Schema} CASCADE");
    }

    /// <summary>Turns postgres://user:password@host:port/database?schema=name into an Npgsql connection string.</summary>
    public static string FromUri(string uri, out string? schema, out string redacted)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var u) || string.IsNullOrEmpty(u.Host))
        {
            throw new ParleyException(ErrorCode.Usage, "a PostgreSQL store is given as postgres://user:password@host:port/database[?schema=name]");
        }

        var b = new NpgsqlConnectionStringBuilder { Host = u.Host, Port = u.Port > 0 ? u.Port : 5432 };
        string[] userInfo = u.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            b.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length > 1)
        {
            b.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        string db = Uri.UnescapeDataString(u.AbsolutePath.Trim('/'));
        if (db.Length > 0)
        {
            b.Database = db;
        }

        schema = UriSchema(uri);
        redacted = $"postgres://{b.Username}@{b.Host}:{b.Port}/{b.Database}";
        return b.ConnectionString;
    }

    public override void Dispose()
    {
        _source.Dispose();
        base.Dispose();
    }

    protected override DbConnection OpenConnection() => _source.OpenConnection();

    protected override void LockForMigration(DbConnection c, DbTransaction tx)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "LOCK TABLE parley_meta IN EXCLUSIVE MODE";
        cmd.ExecuteNonQuery();
    }

    protected override IEnumerable<(string Column, object? Value)> ExtraDocumentColumns(DocumentIndex index) =>
        [("body", index.Body.Length > IndexedChars ? index.Body[..IndexedChars] : index.Body)];

    protected override void AfterDocumentInserted(DbConnection c, DbTransaction tx, long seq, DocumentIndex index)
    {
    }

    protected override void BeforeDocumentDeleted(DbConnection c, DbTransaction tx, long seq)
    {
    }

    private protected override void ArticleCandidates(SqlCommandBuilder b, SearchQuery query, Action<SqlCommandBuilder>? appendFilter, int window)
    {
        // Rank only the window: ts_rank reads each row's tsvector, which for every match of a common word is the slow part.
        b.Append($"SELECT m.seq, -ts_rank(dd.search, x.q) AS score FROM (SELECT d.seq FROM documents d WHERE d.search @@ ({TsQuery(b, query)})");
        appendFilter?.Invoke(b);
        b.Append($" ORDER BY d.seq DESC LIMIT {b.Param(window)}) m JOIN documents dd ON dd.seq = m.seq CROSS JOIN (SELECT {TsQuery(b, query)} AS q) x");
    }

    private protected override string SnippetSql(SqlCommandBuilder b, SearchQuery query)
    {
        string tsquery = TsQuery(b, query);
        string options = b.Param($"StartSel={SearchMarks.StartText}, StopSel={SearchMarks.EndText}, MaxWords=40, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"");
        return $"SELECT d.seq, ts_headline('english', d.body, x.q, {options}) FROM documents d CROSS JOIN (SELECT {tsquery} AS q) x WHERE 1=1";
    }

    private protected override (string From, string Where, string Id) QuoteMatch(SqlCommandBuilder b, SearchQuery query) =>
        ("quotes q", $"q.search @@ ({TsQuery(b, query)})", "q.id");

    /// <summary>
    /// Builds the tsquery from the parsed query: each word or phrase through websearch_to_tsquery (which never
    /// fails on input), each prefix through to_tsquery of letters and digits only, joined with tsquery operators.
    /// </summary>
    private static string TsQuery(SqlCommandBuilder b, SearchQuery query)
    {
        var sb = new StringBuilder();
        foreach (var group in query.Required)
        {
            if (sb.Length > 0)
            {
                sb.Append(" && ");
            }

            sb.Append('(').AppendJoin(" || ", group.Select(t => Leaf(b, t))).Append(')');
        }

        foreach (var term in query.Excluded)
        {
            sb.Append(" && !!").Append(Leaf(b, term));
        }

        return sb.ToString();
    }

    private static string Leaf(SqlCommandBuilder b, SearchTerm term)
    {
        if (term.Prefix)
        {
            var parts = term.Words.Select(w => "'" + w + "'").ToList();
            parts[^1] += ":*";
            return $"to_tsquery('english', {b.Param(string.Join(" <-> ", parts))})";
        }

        string text = term.IsPhrase ? "\"" + string.Join(' ', term.Words) + "\"" : term.Words[0];
        return $"websearch_to_tsquery('english', {b.Param(text)})";
    }

    private static string? UriSchema(string connection)
    {
        int q = connection.IndexOf('?');
        if (q < 0 || !connection.StartsWith("postgres", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        foreach (var pair in connection[(q + 1)..].Split('&'))
        {
            var kv = pair.Split('=', 2);
            if (kv.Length == 2 && kv[0] == "schema")
            {
                return Uri.UnescapeDataString(kv[1]);
            }
        }

        return null;
    }

    private static bool IsIdentifier(string s) =>
        s.Length is > 0 and <= 63 && char.IsAsciiLetter(s[0]) && s.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    internal static class PostgresMigrations
    {
        public static readonly IReadOnlyList<Migration> All =
        [
            new(1, "documents, entities, quotes and their full-text indexes",
            [
                $"""
                CREATE TABLE documents (
                    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, id text NOT NULL UNIQUE, title text, url text, source text,
                    published text, date text COLLATE "C", language text, format text, layers text NOT NULL, quotes integer NOT NULL,
                    entities integer NOT NULL, events integer NOT NULL DEFAULT 0, chars integer NOT NULL, ingested_at text NOT NULL,
                    body text NOT NULL,
                    search tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', body), 'B')) STORED)
                """,
                "CREATE INDEX documents_search ON documents USING gin (search)",
                "CREATE TABLE document_json (seq bigint PRIMARY KEY, json bytea NOT NULL)",
                "CREATE INDEX documents_date ON documents (date, seq)",
                """
                CREATE TABLE entities (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, key text NOT NULL UNIQUE, type text NOT NULL, name text NOT NULL,
                    name_norm text NOT NULL, country text, actor_code text, documents bigint NOT NULL, quotes bigint NOT NULL)
                """,
                "CREATE INDEX entities_name ON entities (name_norm text_pattern_ops)",
                "CREATE INDEX entities_documents ON entities (documents DESC)",
                """
                CREATE TABLE document_entities (
                    doc bigint NOT NULL, entity bigint NOT NULL, mentions integer NOT NULL, quotes integer NOT NULL,
                    country text, actor_code text, role text, PRIMARY KEY (doc, entity))
                """,
                "CREATE INDEX document_entities_entity ON document_entities (entity, doc)",
                "CREATE INDEX document_entities_country ON document_entities (country, doc)",
                """
                CREATE TABLE quotes (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, doc bigint NOT NULL, ordinal integer NOT NULL, kind text NOT NULL,
                    text text NOT NULL, speaker_name text, speaker_norm text, speaker bigint, cue text, confidence double precision NOT NULL,
                    span_start integer NOT NULL, span_length integer NOT NULL,
                    search tsvector GENERATED ALWAYS AS (to_tsvector('english', text || ' ' || coalesce(speaker_name, ''))) STORED)
                """,
                "CREATE INDEX quotes_doc ON quotes (doc, ordinal)",
                "CREATE INDEX quotes_speaker ON quotes (speaker, doc)",
                "CREATE INDEX quotes_speaker_norm ON quotes (speaker_norm, doc)",
                "CREATE INDEX quotes_search ON quotes USING gin (search)",
                "CREATE TABLE inputs (raw_hash text PRIMARY KEY, doc text NOT NULL)",
            ]),
            new(2, "events and time expressions, re-derived from every stored document",
            [
                """
                CREATE TABLE events (
                    doc bigint NOT NULL, ordinal integer NOT NULL, type text NOT NULL, cameo text, mode text, date text,
                    source bigint, target bigint, place_country text, confidence double precision NOT NULL, PRIMARY KEY (doc, ordinal))
                """,
                "CREATE INDEX events_type ON events (type, doc)",
                """
                CREATE TABLE time_expressions (
                    doc bigint NOT NULL, ordinal integer NOT NULL, type text NOT NULL, value text, date text,
                    span_start integer NOT NULL, span_length integer NOT NULL, PRIMARY KEY (doc, ordinal))
                """,
                "CREATE INDEX time_expressions_date ON time_expressions (date, doc)",
            ], Reindex: true),
        ];
    }
}
