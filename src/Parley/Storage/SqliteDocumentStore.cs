using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Parley.Storage;

/// <summary>
/// The default store: one SQLite file, no server. Write-ahead logging lets a web server read while an
/// ingest writes; each batch is one transaction, so a killed process leaves only whole documents.
/// Full-text search uses FTS5 with the Porter stemmer over Unicode word boundaries.
/// </summary>
public sealed class SqliteDocumentStore : RelationalDocumentStore
{
    private const string Tokenizer = "tokenize = 'porter unicode61 remove_diacritics 2'";
    private readonly string _connectionString;

    private SqliteDocumentStore(string path, bool readOnly)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    public override string Kind => "sqlite";

    public override string Location => Path;

    public override IReadOnlyList<Migration> Migrations => SqliteMigrations.All;

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/> and upgrades its schema.</summary>
    public static SqliteDocumentStore Open(string path, int? schemaVersion = null)
    {
        string? dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (dir is not null && !Directory.Exists(dir))
        {
            throw new ParleyException(ErrorCode.StoreUnavailable, $"{path}: the folder {dir} does not exist");
        }

        var store = new SqliteDocumentStore(path, readOnly: false);
        try
        {
            store.Migrate(schemaVersion);
        }
        catch (SqliteException e)
        {
            store.Dispose();
            throw new ParleyException(ErrorCode.StoreUnavailable, $"{path}: {e.Message} (is it a Parley store?)", e);
        }
        catch
        {
            store.Dispose();
            throw;
        }

        return store;
    }

    /// <summary>A connection for checks and tests; callers dispose it.</summary>
    public SqliteConnection OpenRaw() => (SqliteConnection)OpenConnection();

    public override void Dispose()
    {
        using (var c = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(c);
        }

        base.Dispose();
    }

    protected override DbConnection OpenConnection()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        using var cmd = c.CreateCommand();
        // WAL survives a killed process without losing committed transactions; NORMAL sync is safe with WAL
        // against process crashes (only a power cut may lose the last commits).
        cmd.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000; "
            + "PRAGMA cache_size = -65536; PRAGMA mmap_size = 268435456;";
        cmd.ExecuteNonQuery();
        return c;
    }

    protected override IEnumerable<(string Column, object? Value)> ExtraDocumentColumns(DocumentIndex index) => [];

    protected override void AfterDocumentInserted(DbConnection c, DbTransaction tx, long seq, DocumentIndex index)
    {
        var b = new SqlCommandBuilder();
        string p = b.Param(seq);
        b.Append($"INSERT INTO documents_fts (rowid, title, body) VALUES ({p}, {b.Param(index.Title ?? "")}, {b.Param(index.Body)});")
         .Append($"INSERT INTO quotes_fts (rowid, text, speaker) SELECT id, text, coalesce(speaker_name, '') FROM quotes WHERE doc = {p};");
        using var cmd = b.Create(c, tx);
        cmd.ExecuteNonQuery();
    }

    protected override void BeforeDocumentDeleted(DbConnection c, DbTransaction tx, long seq)
    {
        var b = new SqlCommandBuilder();
        string p = b.Param(seq);
        b.Append($"DELETE FROM documents_fts WHERE rowid = {p};")
         .Append($"DELETE FROM quotes_fts WHERE rowid IN (SELECT id FROM quotes WHERE doc = {p});");
        using var cmd = b.Create(c, tx);
        cmd.ExecuteNonQuery();
    }

    private protected override void ArticleCandidates(SqlCommandBuilder b, SearchQuery query, Action<SqlCommandBuilder>? appendFilter, int window)
    {
        // FTS5 walks its doclists newest rowid first and scores only the rows that pass, so the cost is bounded by the window.
        // The documents table is joined only when a filter needs it.
        b.Append("SELECT documents_fts.rowid AS seq, documents_fts.rank AS score FROM documents_fts ")
         .Append(appendFilter is null ? "" : "JOIN documents d ON d.seq = documents_fts.rowid ")
         .Append($"WHERE documents_fts MATCH {b.Param(query.ToFts5())}");
        appendFilter?.Invoke(b);
        b.Append($" ORDER BY documents_fts.rowid DESC LIMIT {b.Param(window)}");
    }

    private protected override string SnippetSql(SqlCommandBuilder b, SearchQuery query) =>
        $"SELECT d.seq, snippet(documents_fts, -1, '{SearchMarks.StartText}', '{SearchMarks.EndText}', '…', 32) " +
        $"FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid WHERE documents_fts MATCH {b.Param(query.ToFts5())}";

    /// <summary>Restricting the full-text table's own rowid lets FTS5 look the rows up instead of walking every match.</summary>
    private protected override string SnippetRowRestriction => "documents_fts.rowid";

    private protected override (string From, string Where, string Id) QuoteMatch(SqlCommandBuilder b, SearchQuery query) =>
        ("quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid", $"quotes_fts MATCH {b.Param(query.ToFts5())}", "quotes_fts.rowid");

    internal static class SqliteMigrations
    {
        public static readonly IReadOnlyList<Migration> All =
        [
            new(1, "documents, entities, quotes and their full-text indexes",
            [
                """
                CREATE TABLE documents (
                    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT, url TEXT, source TEXT, published TEXT,
                    date TEXT, language TEXT, format TEXT, layers TEXT NOT NULL, quotes INTEGER NOT NULL, entities INTEGER NOT NULL,
                    events INTEGER NOT NULL DEFAULT 0, chars INTEGER NOT NULL, ingested_at TEXT NOT NULL)
                """,
                "CREATE TABLE document_json (seq INTEGER PRIMARY KEY, json BLOB NOT NULL)",
                "CREATE INDEX documents_date ON documents (date, seq)",
                $"CREATE VIRTUAL TABLE documents_fts USING fts5 (title, body, {Tokenizer})",
                "INSERT INTO documents_fts (documents_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)')",
                """
                CREATE TABLE entities (
                    id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, type TEXT NOT NULL, name TEXT NOT NULL, name_norm TEXT NOT NULL,
                    country TEXT, actor_code TEXT, documents INTEGER NOT NULL, quotes INTEGER NOT NULL)
                """,
                "CREATE INDEX entities_name ON entities (name_norm)",
                "CREATE INDEX entities_documents ON entities (documents DESC)",
                """
                CREATE TABLE document_entities (
                    doc INTEGER NOT NULL, entity INTEGER NOT NULL, mentions INTEGER NOT NULL, quotes INTEGER NOT NULL,
                    country TEXT, actor_code TEXT, role TEXT, PRIMARY KEY (doc, entity)) WITHOUT ROWID
                """,
                "CREATE INDEX document_entities_entity ON document_entities (entity, doc)",
                "CREATE INDEX document_entities_country ON document_entities (country, doc)",
                """
                CREATE TABLE quotes (
                    id INTEGER PRIMARY KEY, doc INTEGER NOT NULL, ordinal INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
                    speaker_name TEXT, speaker_norm TEXT, speaker INTEGER, cue TEXT, confidence REAL NOT NULL,
                    span_start INTEGER NOT NULL, span_length INTEGER NOT NULL)
                """,
                "CREATE INDEX quotes_doc ON quotes (doc, ordinal)",
                "CREATE INDEX quotes_speaker ON quotes (speaker, doc)",
                "CREATE INDEX quotes_speaker_norm ON quotes (speaker_norm, doc)",
                $"CREATE VIRTUAL TABLE quotes_fts USING fts5 (text, speaker, {Tokenizer})",
                "CREATE TABLE inputs (raw_hash TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID",
            ]),
            new(2, "events and time expressions, re-derived from every stored document",
            [
                """
                CREATE TABLE events (
                    doc INTEGER NOT NULL, ordinal INTEGER NOT NULL, type TEXT NOT NULL, cameo TEXT, mode TEXT, date TEXT,
                    source INTEGER, target INTEGER, place_country TEXT, confidence REAL NOT NULL, PRIMARY KEY (doc, ordinal)) WITHOUT ROWID
                """,
                "CREATE INDEX events_type ON events (type, doc)",
                """
                CREATE TABLE time_expressions (
                    doc INTEGER NOT NULL, ordinal INTEGER NOT NULL, type TEXT NOT NULL, value TEXT, date TEXT,
                    span_start INTEGER NOT NULL, span_length INTEGER NOT NULL, PRIMARY KEY (doc, ordinal)) WITHOUT ROWID
                """,
                "CREATE INDEX time_expressions_date ON time_expressions (date, doc)",
            ], Reindex: true),
        ];
    }
}
