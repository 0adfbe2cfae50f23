using System.Data.Common;
using System.Globalization;
using System.Text;
using Parley.Documents;

namespace Parley.Storage;

/// <summary>A schema change: statements run in order inside the upgrade transaction.</summary>
/// <param name="Reindex">True when the change adds derived tables: after the upgrade every stored document is re-indexed from its JSON.</param>
public sealed record Migration(int Version, string Description, IReadOnlyList<string> Statements, bool Reindex = false);

/// <summary>
/// What the SQLite and PostgreSQL stores share: the derived tables, filters, paging, writes and migrations are
/// the same SQL in both; only full-text search and a few columns differ, behind the abstract members.
/// </summary>
/// <remarks>
/// Tables: documents (one row per content hash: listing columns), document_json (the packed document JSON,
/// apart so that scans of documents stay small),
/// entities (shared across documents by type and name, with running counts), document_entities,
/// quotes, events, time_expressions, inputs (raw-bytes hash → document, so re-ingest can skip analysis),
/// parley_meta (schema_version).
/// </remarks>
public abstract class RelationalDocumentStore : IDocumentStore
{
    private const int RowsPerInsert = 200;
    private const string DocumentColumns = "d.id, d.title, d.url, d.source, d.date, d.language, d.quotes, d.entities, d.events, d.layers";

    public abstract string Kind { get; }

    public abstract string Location { get; }

    public int SchemaVersion { get; private set; }

    /// <summary>Every schema version in order; the last is what this build writes.</summary>
    public abstract IReadOnlyList<Migration> Migrations { get; }

    public int LatestVersion => Migrations[^1].Version;

    protected abstract DbConnection OpenConnection();

    /// <summary>Extra document columns this store fills (PostgreSQL keeps the body beside its tsvector).</summary>
    protected abstract IEnumerable<(string Column, object? Value)> ExtraDocumentColumns(DocumentIndex index);

    /// <summary>Fills full-text tables after the document's rows are in (SQLite's FTS5 tables; nothing for PostgreSQL).</summary>
    protected abstract void AfterDocumentInserted(DbConnection c, DbTransaction tx, long seq, DocumentIndex index);

    /// <summary>Removes the document's full-text rows before its other rows go.</summary>
    protected abstract void BeforeDocumentDeleted(DbConnection c, DbTransaction tx, long seq);

    /// <summary>Takes whatever lock keeps two processes from migrating at once.</summary>
    protected virtual void LockForMigration(DbConnection c, DbTransaction tx)
    {
    }

    /// <summary>
    /// How many of the newest matches are ranked by relevance. Ranking every match of a common word over a
    /// large store costs a score per match; bounding it keeps search time flat, and news readers want recent
    /// reports first anyway. Deeper pages widen the window.
    /// </summary>
    public const int RankWindow = 500;

    /// <summary>
    /// Writes a query giving (seq, score) for the newest <paramref name="window"/> matching articles that pass the
    /// filter (which <paramref name="appendFilter"/> appends as " AND ..." over alias d); lower score is better.
    /// </summary>
    private protected abstract void ArticleCandidates(SqlCommandBuilder b, SearchQuery query, Action<SqlCommandBuilder>? appendFilter, int window);

    /// <summary>Selects a snippet for each found article (alias d, rank) around the matches.</summary>
    private protected abstract string SnippetSql(SqlCommandBuilder b, SearchQuery query);

    /// <summary>The column that restricts the snippet query to the found articles.</summary>
    private protected virtual string SnippetRowRestriction => "d.seq";

    /// <summary>FROM and WHERE parts that restrict quotes (alias q) to a query, and the expression of the quote id to order the newest first by.</summary>
    private protected abstract (string From, string Where, string Id) QuoteMatch(SqlCommandBuilder b, SearchQuery query);

    /// <summary>Brings the schema to <paramref name="upTo"/> (default: the latest), in one transaction.</summary>
    public void Migrate(int? upTo = null)
    {
        int target = upTo ?? LatestVersion;
        using var c = OpenConnection();
        Execute(c, null, "CREATE TABLE IF NOT EXISTS parley_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        int version = ReadVersion(c, null);
        if (version > LatestVersion)
        {
            throw new ParleyException(ErrorCode.StoreVersion,
                $"{Location} has schema version {version}, but this Parley knows versions up to {LatestVersion}; use a newer Parley");
        }

        if (version < target)
        {
            using var tx = c.BeginTransaction();
            LockForMigration(c, tx);
            version = ReadVersion(c, tx);
            bool reindex = false;
            foreach (var migration in Migrations)
            {
                if (migration.Version <= version || migration.Version > target)
                {
                    continue;
                }

                foreach (var statement in migration.Statements)
                {
                    Execute(c, tx, statement);
                }

                reindex |= migration.Reindex && version > 0;
                version = migration.Version;
            }

            // Re-deriving runs this build's indexing code, which writes the latest schema's tables.
            if (reindex && target == LatestVersion)
            {
                ReindexAll(c, tx);
            }

            var b = new SqlCommandBuilder();
            b.Append($"INSERT INTO parley_meta (key, value) VALUES ('schema_version', {b.Param(version.ToString(CultureInfo.InvariantCulture))}) ")
             .Append("ON CONFLICT (key) DO UPDATE SET value = excluded.value");
            using (var cmd = b.Create(c, tx))
            {
                cmd.ExecuteNonQuery();
            }

            tx.Commit();
        }

        SchemaVersion = version;
    }

    public IReadOnlyList<PutOutcome> PutBatch(IReadOnlyList<NewsDocument> documents)
    {
        var outcomes = new PutOutcome[documents.Count];
        using var c = OpenConnection();
        using var tx = c.BeginTransaction();
        string now = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        for (int i = 0; i < documents.Count; i++)
        {
            var index = DocumentIndex.Build(documents[i]);
            var b = new SqlCommandBuilder();
            b.Append($"SELECT seq, layers FROM documents WHERE id = {b.Param(index.Id)}");
            long? existing = null;
            string? layers = null;
            using (var cmd = b.Create(c, tx))
            using (var r = cmd.ExecuteReader())
            {
                if (r.Read())
                {
                    existing = r.Long(0);
                    layers = r.Str(1);
                }
            }

            if (existing is { } seq)
            {
                if (layers == index.Layers)
                {
                    outcomes[i] = PutOutcome.Unchanged;
                    continue;
                }

                DeleteDocument(c, tx, seq);
                outcomes[i] = PutOutcome.Replaced;
            }
            else
            {
                outcomes[i] = PutOutcome.Added;
            }

            InsertDocument(c, tx, index, now);
        }

        tx.Commit();
        return outcomes;
    }

    public bool ContainsRaw(string rawHash, string layers)
    {
        using var c = OpenConnection();
        var b = new SqlCommandBuilder();
        b.Append($"SELECT 1 FROM inputs i JOIN documents d ON d.id = i.doc WHERE i.raw_hash = {b.Param(rawHash)} AND d.layers = {b.Param(layers)}");
        using var cmd = b.Create(c);
        return cmd.ExecuteScalar() is not null;
    }

    public void RememberRaw(IReadOnlyList<(string RawHash, string DocumentId)> pairs)
    {
        if (pairs.Count == 0)
        {
            return;
        }

        using var c = OpenConnection();
        using var tx = c.BeginTransaction();
        foreach (var (raw, id) in pairs)
        {
            var b = new SqlCommandBuilder();
            b.Append($"INSERT INTO inputs (raw_hash, doc) VALUES ({b.Param(raw)}, {b.Param(id)}) ON CONFLICT (raw_hash) DO UPDATE SET doc = excluded.doc");
            using var cmd = b.Create(c, tx);
            cmd.ExecuteNonQuery();
        }

        tx.Commit();
    }

    public StoredDocument? GetDocument(string id)
    {
        using var c = OpenConnection();
        var b = new SqlCommandBuilder();
        b.Append($"SELECT d.id, j.json, d.date, d.ingested_at FROM documents d JOIN document_json j ON j.seq = d.seq WHERE d.id = {b.Param(id)}");
        using var cmd = b.Create(c);
        using var r = cmd.ExecuteReader();
        if (!r.Read())
        {
            return null;
        }

        var document = DocumentIndex.Unpack((byte[])r.GetValue(1));
        var ingested = DateTimeOffset.TryParse(r.Str(3), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : DateTimeOffset.MinValue;
        return new StoredDocument(r.GetString(0), document, r.Str(2), ingested);
    }

    public long CountDocuments()
    {
        using var c = OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM documents";
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public Page<ArticleSummary> ListArticles(ArticleFilter filter, PageRequest page)
    {
        using var c = OpenConnection();
        var b = new SqlCommandBuilder();
        b.Append($"SELECT {DocumentColumns} FROM documents d WHERE 1=1");
        AppendFilter(b, filter, quotes: false);
        b.Append($" ORDER BY d.date DESC, d.seq DESC LIMIT {b.Param(page.Size)} OFFSET {b.Param(page.Offset)}");
        var items = new List<ArticleSummary>();
        using (var cmd = b.Create(c))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                items.Add(ReadSummary(r, 0));
            }
        }

        var count = new SqlCommandBuilder();
        count.Append("SELECT 1 FROM documents d WHERE 1=1");
        AppendFilter(count, filter, quotes: false);
        return MakePage(c, count, items, page);
    }

    public Page<ArticleHit> SearchArticles(SearchQuery query, ArticleFilter filter, PageRequest page)
    {
        // One bounded query finds the candidates with their scores; ordering, paging and the total follow from
        // that list, so no second pass over the matches is needed to count them.
        using var c = OpenConnection();
        int window = Math.Max(RankWindow, page.Offset + page.Size);
        var b = new SqlCommandBuilder();
        ArticleCandidates(b, query, filter.IsEmpty ? null : x => AppendFilter(x, filter, quotes: false), window);
        var candidates = new List<(long Seq, double Score)>();
        using (var cmd = b.Create(c))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                candidates.Add((r.Long(0), r.Dbl(1)));
            }
        }

        var chosen = candidates.OrderBy(x => x.Score).ThenByDescending(x => x.Seq).Skip(page.Offset).Take(page.Size).ToList();
        var summaries = new Dictionary<long, ArticleSummary>();
        var snippets = new Dictionary<long, string>();
        if (chosen.Count > 0)
        {
            var sb = new SqlCommandBuilder();
            sb.Append($"SELECT {DocumentColumns}, d.seq FROM documents d WHERE d.seq IN (").Append(string.Join(", ", chosen.Select(f => sb.Param(f.Seq)))).Append(")");
            using (var cmd = sb.Create(c))
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read())
                {
                    summaries[r.Long(10)] = ReadSummary(r, 0);
                }
            }

            var s = new SqlCommandBuilder();
            s.Append(SnippetSql(s, query)).Append($" AND {SnippetRowRestriction} IN (").Append(string.Join(", ", chosen.Select(f => s.Param(f.Seq)))).Append(")");
            using (var cmd = s.Create(c))
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read())
                {
                    snippets[r.Long(0)] = r.Str(1) ?? "";
                }
            }
        }

        var items = chosen.Where(f => summaries.ContainsKey(f.Seq))
            .Select(f => new ArticleHit(summaries[f.Seq], snippets.GetValueOrDefault(f.Seq, ""), -f.Score)).ToList();
        return new Page<ArticleHit>(items, page.Number, page.Size, candidates.Count, candidates.Count >= window);
    }

    public Page<QuoteRow> ListQuotes(SearchQuery? query, ArticleFilter filter, PageRequest page)
    {
        using var c = OpenConnection();
        var b = new SqlCommandBuilder();
        const string Columns = "q.id, d.id, d.title, d.date, q.ordinal, q.kind, q.text, q.speaker_name, q.speaker, q.cue, q.confidence, q.span_start, q.span_length";
        int window = Math.Max(RankWindow, page.Offset + page.Size);
        List<long>? candidates = null;
        if (query is null)
        {
            AppendQuoteSource(b, filter, Columns);
        }
        else
        {
            // Like article search, a text query considers the newest matches only (one bounded pass), then orders them by date.
            var m = new SqlCommandBuilder();
            var (from, where, id) = QuoteMatch(m, query);
            m.Append($"SELECT {id} FROM {from} JOIN documents d ON d.seq = q.doc WHERE {where}");
            AppendFilter(m, filter, quotes: true);
            m.Append($" ORDER BY {id} DESC LIMIT {m.Param(window)}");
            candidates = [];
            using (var cmd = m.Create(c))
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read())
                {
                    candidates.Add(r.Long(0));
                }
            }

            if (candidates.Count == 0)
            {
                return new Page<QuoteRow>([], page.Number, page.Size, 0, false);
            }

            b.Append($"SELECT {Columns} FROM quotes q JOIN documents d ON d.seq = q.doc WHERE q.id IN (")
             .Append(string.Join(", ", candidates.Select(x => b.Param(x)))).Append(")");
        }

        b.Append($" ORDER BY d.date IS NULL, d.date, d.seq, q.ordinal LIMIT {b.Param(page.Size)} OFFSET {b.Param(page.Offset)}");
        var items = new List<QuoteRow>();
        using (var cmd = b.Create(c))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                items.Add(new QuoteRow(r.Long(0), r.GetString(1), r.Str(2), r.Str(3), r.Int(4), r.GetString(5), r.GetString(6), r.Str(7),
                    r.NullableLong(8), r.Str(9), r.Dbl(10), r.Int(11), r.Int(12)));
            }
        }

        if (candidates is not null)
        {
            return new Page<QuoteRow>(items, page.Number, page.Size, candidates.Count, candidates.Count >= window);
        }

        var count = new SqlCommandBuilder();
        AppendQuoteSource(count, filter, "1");
        return MakePage(c, count, items, page);
    }

    public Page<EntityRow> ListEntities(EntityFilter filter, PageRequest page)
    {
        using var c = OpenConnection();
        var b = new SqlCommandBuilder();
        b.Append("SELECT e.id, e.type, e.name, e.country, e.actor_code, e.documents, e.quotes FROM entities e").Append(EntityWhere(b, filter))
         .Append($" ORDER BY e.documents DESC, e.name LIMIT {b.Param(page.Size)} OFFSET {b.Param(page.Offset)}");
        var items = ReadEntities(c, b);
        var count = new SqlCommandBuilder();
        count.Append("SELECT 1 FROM entities e").Append(EntityWhere(count, filter));
        return MakePage(c, count, items, page);
    }

    public EntityRow? GetEntity(long id)
    {
        using var c = OpenConnection();
        var b = new SqlCommandBuilder();
        b.Append($"SELECT e.id, e.type, e.name, e.country, e.actor_code, e.documents, e.quotes FROM entities e WHERE e.id = {b.Param(id)}");
        return ReadEntities(c, b).FirstOrDefault();
    }

    public IReadOnlyDictionary<string, long> FindEntities(IReadOnlyCollection<string> keys)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return result;
        }

        using var c = OpenConnection();
        foreach (var chunk in keys.Chunk(RowsPerInsert))
        {
            var b = new SqlCommandBuilder();
            b.Append("SELECT key, id FROM entities WHERE key IN (").Append(string.Join(", ", chunk.Select(k => b.Param(k)))).Append(")");
            using var cmd = b.Create(c);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                result[r.GetString(0)] = r.Long(1);
            }
        }

        return result;
    }

    public Page<CoMention> CoMentions(long entityId, PageRequest page)
    {
        const string Shared = "FROM document_entities a JOIN document_entities o ON o.doc = a.doc AND o.entity <> a.entity JOIN entities e ON e.id = o.entity ";
        using var c = OpenConnection();
        var b = new SqlCommandBuilder();
        b.Append("SELECT e.id, e.type, e.name, e.country, e.actor_code, e.documents, e.quotes, count(*) AS shared ").Append(Shared)
         .Append($"WHERE a.entity = {b.Param(entityId)} ")
         .Append("GROUP BY e.id, e.type, e.name, e.country, e.actor_code, e.documents, e.quotes ")
         .Append($"ORDER BY shared DESC, e.name LIMIT {b.Param(page.Size)} OFFSET {b.Param(page.Offset)}");
        var items = new List<CoMention>();
        using (var cmd = b.Create(c))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                items.Add(new CoMention(ReadEntity(r), r.Long(7)));
            }
        }

        var count = new SqlCommandBuilder();
        count.Append("SELECT DISTINCT o.entity FROM document_entities a JOIN document_entities o ON o.doc = a.doc AND o.entity <> a.entity ")
             .Append($"WHERE a.entity = {count.Param(entityId)}");
        return MakePage(c, count, items, page);
    }

    public IReadOnlyList<TimelinePoint> Timeline(long entityId)
    {
        using var c = OpenConnection();
        var b = new SqlCommandBuilder();
        b.Append("SELECT substr(d.date, 1, 7) AS month, count(*), sum(de.quotes) FROM document_entities de JOIN documents d ON d.seq = de.doc ")
         .Append($"WHERE de.entity = {b.Param(entityId)} AND length(d.date) >= 7 GROUP BY substr(d.date, 1, 7) ORDER BY month");
        var result = new List<TimelinePoint>();
        using var cmd = b.Create(c);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            result.Add(new TimelinePoint(r.GetString(0), r.Long(1), r.IsDBNull(2) ? 0 : r.Long(2)));
        }

        return result;
    }

    public IReadOnlyList<(string Type, long Count)> EventTypes()
    {
        using var c = OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT type, count(*) FROM events GROUP BY type ORDER BY count(*) DESC, type";
        var result = new List<(string, long)>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            result.Add((r.GetString(0), r.Long(1)));
        }

        return result;
    }

    public virtual void Dispose() => GC.SuppressFinalize(this);

    private static string EntityWhere(SqlCommandBuilder b, EntityFilter filter)
    {
        var where = new StringBuilder(" WHERE e.documents > 0");
        if (!string.IsNullOrWhiteSpace(filter.NamePrefix))
        {
            string prefix = DocumentIndex.NormaliseName(filter.NamePrefix).Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
            where.Append($" AND e.name_norm LIKE {b.Param(prefix + "%")} ESCAPE '\\'");
        }

        if (!string.IsNullOrWhiteSpace(filter.Type))
        {
            where.Append($" AND e.type = {b.Param(filter.Type.Trim().ToUpperInvariant())}");
        }

        if (!string.IsNullOrWhiteSpace(filter.Country))
        {
            where.Append($" AND e.country = {b.Param(filter.Country.Trim().ToUpperInvariant())}");
        }

        return where.ToString();
    }

    private static void AppendQuoteSource(SqlCommandBuilder b, ArticleFilter filter, string columns)
    {
        b.Append($"SELECT {columns} FROM quotes q JOIN documents d ON d.seq = q.doc WHERE 1=1");
        AppendFilter(b, filter, quotes: true);
    }

    /// <summary>
    /// Appends " AND ..." clauses for the filter over documents (alias d). For quote lists (alias q) the
    /// speaker restricts the quotes themselves; otherwise it restricts articles to those quoting the speaker.
    /// </summary>
    private static void AppendFilter(SqlCommandBuilder b, ArticleFilter f, bool quotes)
    {
        if (f.SpeakerId is { } speakerId)
        {
            b.Append(quotes ? $" AND q.speaker = {b.Param(speakerId)}" : $" AND d.seq IN (SELECT sq.doc FROM quotes sq WHERE sq.speaker = {b.Param(speakerId)})");
        }

        if (!string.IsNullOrWhiteSpace(f.Speaker))
        {
            string name = b.Param(DocumentIndex.NormaliseName(f.Speaker));
            b.Append(quotes ? $" AND q.speaker_norm = {name}" : $" AND d.seq IN (SELECT sq.doc FROM quotes sq WHERE sq.speaker_norm = {name})");
        }

        if (f.EntityId is { } entityId)
        {
            b.Append($" AND d.seq IN (SELECT de.doc FROM document_entities de WHERE de.entity = {b.Param(entityId)})");
        }

        if (!string.IsNullOrWhiteSpace(f.Entity))
        {
            b.Append($" AND d.seq IN (SELECT de.doc FROM document_entities de JOIN entities en ON en.id = de.entity WHERE en.name_norm = {b.Param(DocumentIndex.NormaliseName(f.Entity))})");
        }

        // Countries and event types are broad (a quarter of all reports may match), so each candidate is probed
        // rather than the whole matching set built first; speakers and entities are narrow, so their set is built.
        if (!string.IsNullOrWhiteSpace(f.Country))
        {
            b.Append($" AND EXISTS (SELECT 1 FROM document_entities dc WHERE dc.doc = d.seq AND dc.country = {b.Param(f.Country.Trim().ToUpperInvariant())})");
        }

        if (!string.IsNullOrWhiteSpace(f.EventType))
        {
            b.Append($" AND EXISTS (SELECT 1 FROM events ev WHERE ev.doc = d.seq AND ev.type = {b.Param(f.EventType.Trim().ToUpperInvariant())})");
        }

        if (DocumentIndex.ParseDateBound(f.From, "from") is { } from)
        {
            b.Append($" AND d.date >= {b.Param(from)}");
        }

        if (DocumentIndex.ParseDateBound(f.To, "to") is { } to)
        {
            // "2009-03" as an upper bound covers every day of March: pad to the last possible key.
            string padded = to.Length switch { 4 => to + "-99-99", 7 => to + "-99", _ => to };
            b.Append($" AND d.date <= {b.Param(padded)}");
        }
    }

    private static Page<T> MakePage<T>(DbConnection c, SqlCommandBuilder countQuery, List<T> items, PageRequest page)
    {
        long total;
        if (items.Count < page.Size && (items.Count > 0 || page.Number == 1))
        {
            total = page.Offset + items.Count;
        }
        else
        {
            var b = new SqlCommandBuilder();
            b.Append("SELECT count(*) FROM (").Append(countQuery.Sql.ToString())
             .Append($" LIMIT {Page<T>.CountLimit + 1}) counted");
            using var cmd = countQuery.Create(c);
            cmd.CommandText = b.Sql.ToString();
            total = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        bool lowerBound = total > Page<T>.CountLimit;
        return new Page<T>(items, page.Number, page.Size, Math.Min(total, Page<T>.CountLimit), lowerBound);
    }

    private static ArticleSummary ReadSummary(DbDataReader r, int o) => new(
        r.GetString(o), r.Str(o + 1), r.Str(o + 2), r.Str(o + 3), r.Str(o + 4), r.Str(o + 5),
        r.Int(o + 6), r.Int(o + 7), r.Int(o + 8), (r.Str(o + 9) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries));

    private static EntityRow ReadEntity(DbDataReader r) => new(r.Long(0), r.GetString(1), r.GetString(2), r.Str(3), r.Str(4), r.Long(5), r.Long(6));

    private static List<EntityRow> ReadEntities(DbConnection c, SqlCommandBuilder b)
    {
        var items = new List<EntityRow>();
        using var cmd = b.Create(c);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            items.Add(ReadEntity(r));
        }

        return items;
    }

    private static int ReadVersion(DbConnection c, DbTransaction? tx)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT value FROM parley_meta WHERE key = 'schema_version'";
        return cmd.ExecuteScalar() is string s && int.TryParse(s, CultureInfo.InvariantCulture, out int v) ? v : 0;
    }

    protected static void Execute(DbConnection c, DbTransaction? tx, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>Re-derives every document's index rows from its stored JSON (after a migration adds derived tables).</summary>
    private void ReindexAll(DbConnection c, DbTransaction tx)
    {
        var seqs = new List<(long Seq, string Ingested)>();
        using (var cmd = c.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT seq, ingested_at FROM documents ORDER BY seq";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                seqs.Add((r.Long(0), r.GetString(1)));
            }
        }

        Execute(c, tx, "UPDATE entities SET documents = 0, quotes = 0");
        foreach (var (seq, ingested) in seqs)
        {
            // One document in memory at a time, however large the store.
            var b = new SqlCommandBuilder();
            b.Append($"SELECT json FROM document_json WHERE seq = {b.Param(seq)}");
            byte[] json;
            using (var cmd = b.Create(c, tx))
            {
                json = (byte[])cmd.ExecuteScalar()!;
            }

            DeleteDocument(c, tx, seq);
            InsertDocument(c, tx, DocumentIndex.Build(DocumentIndex.Unpack(json)), ingested);
        }
    }

    private void DeleteDocument(DbConnection c, DbTransaction tx, long seq)
    {
        BeforeDocumentDeleted(c, tx, seq);
        var b = new SqlCommandBuilder();
        string p = b.Param(seq);
        b.Append($"UPDATE entities AS e SET documents = e.documents - 1, quotes = e.quotes - de.quotes FROM document_entities AS de WHERE de.entity = e.id AND de.doc = {p};")
         .Append($"DELETE FROM document_entities WHERE doc = {p};")
         .Append($"DELETE FROM quotes WHERE doc = {p};")
         .Append($"DELETE FROM events WHERE doc = {p};")
         .Append($"DELETE FROM time_expressions WHERE doc = {p};")
         .Append($"DELETE FROM document_json WHERE seq = {p};")
         .Append($"DELETE FROM documents WHERE seq = {p};");
        using var cmd = b.Create(c, tx);
        cmd.ExecuteNonQuery();
    }

    private void InsertDocument(DbConnection c, DbTransaction tx, DocumentIndex index, string ingestedAt)
    {
        var d = index.Document;
        var columns = new List<(string Column, object? Value)>
        {
            ("id", index.Id), ("title", index.Title), ("url", d.Metadata.Url), ("source", d.Metadata.Source),
            ("published", d.Metadata.Published), ("date", index.Date), ("language", d.Metadata.Language), ("format", d.Metadata.Format),
            ("layers", index.Layers), ("quotes", index.Quotes.Count), ("entities", index.Entities.Count), ("events", index.Events.Count),
            ("chars", d.Text.Length), ("ingested_at", ingestedAt),
        };
        columns.AddRange(ExtraDocumentColumns(index));
        var b = new SqlCommandBuilder();
        b.Append("INSERT INTO documents (").Append(string.Join(", ", columns.Select(x => x.Column))).Append(") VALUES (")
         .Append(string.Join(", ", columns.Select(x => b.Param(x.Value)))).Append(") RETURNING seq");
        long seq;
        using (var cmd = b.Create(c, tx))
        {
            seq = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        InsertRows(c, tx, "document_json", ["seq", "json"], [[seq, DocumentIndex.Pack(d)]]);
        var entityIds = UpsertEntities(c, tx, index.Entities);
        InsertRows(c, tx, "document_entities", ["doc", "entity", "mentions", "quotes", "country", "actor_code", "role"],
            index.Entities.Select(e => new object?[] { seq, entityIds[e.Key], e.Mentions, e.Quotes, e.Country?.ToUpperInvariant(), e.ActorCode, e.Role }));
        InsertRows(c, tx, "quotes", ["doc", "ordinal", "kind", "text", "speaker_name", "speaker_norm", "speaker", "cue", "confidence", "span_start", "span_length"],
            index.Quotes.Select(q => new object?[]
            {
                seq, q.Ordinal, q.Kind, q.Text, q.SpeakerName, q.SpeakerName is null ? null : DocumentIndex.NormaliseName(q.SpeakerName),
                q.Speaker is null ? null : entityIds[q.Speaker.Key], q.Cue, q.Confidence, q.Start, q.Length,
            }));
        InsertRows(c, tx, "events", ["doc", "ordinal", "type", "cameo", "mode", "date", "source", "target", "place_country", "confidence"],
            index.Events.Select(e => new object?[]
            {
                seq, e.Ordinal, e.Type.ToUpperInvariant(), e.Cameo, e.Mode, e.Date,
                e.Source is null ? null : entityIds[e.Source.Key], e.Target is null ? null : entityIds[e.Target.Key],
                e.PlaceCountry?.ToUpperInvariant(), e.Confidence,
            }));
        InsertRows(c, tx, "time_expressions", ["doc", "ordinal", "type", "value", "date", "span_start", "span_length"],
            index.Dates.Select(t => new object?[] { seq, t.Ordinal, t.Type, t.Value, t.Date, t.Start, t.Length }));
        AfterDocumentInserted(c, tx, seq, index);
    }

    private static Dictionary<string, long> UpsertEntities(DbConnection c, DbTransaction tx, List<EntityIndexRow> entities)
    {
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in entities.Chunk(RowsPerInsert))
        {
            var b = new SqlCommandBuilder();
            b.Append("INSERT INTO entities (key, type, name, name_norm, country, actor_code, documents, quotes) VALUES ");
            for (int i = 0; i < chunk.Length; i++)
            {
                var e = chunk[i];
                b.Append(i == 0 ? "(" : ", (")
                 .Append($"{b.Param(e.Key)}, {b.Param(e.Type)}, {b.Param(e.Name)}, {b.Param(DocumentIndex.NormaliseName(e.Name))}, ")
                 .Append($"{b.Param(e.Country?.ToUpperInvariant())}, {b.Param(e.ActorCode)}, 1, {b.Param(e.Quotes)})");
            }

            b.Append(" ON CONFLICT (key) DO UPDATE SET documents = entities.documents + 1, quotes = entities.quotes + excluded.quotes, ")
             .Append("country = coalesce(entities.country, excluded.country), actor_code = coalesce(entities.actor_code, excluded.actor_code) ")
             .Append("RETURNING id, key");
            using var cmd = b.Create(c, tx);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                ids[r.GetString(1)] = r.Long(0);
            }
        }

        return ids;
    }

    private static void InsertRows(DbConnection c, DbTransaction tx, string table, string[] columns, IEnumerable<object?[]> rows)
    {
        foreach (var chunk in rows.Chunk(RowsPerInsert))
        {
            var b = new SqlCommandBuilder();
            b.Append($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ");
            for (int i = 0; i < chunk.Length; i++)
            {
                b.Append(i == 0 ? "(" : ", (").Append(string.Join(", ", chunk[i].Select(b.Param))).Append(")");
            }

            using var cmd = b.Create(c, tx);
            cmd.ExecuteNonQuery();
        }
    }
}
