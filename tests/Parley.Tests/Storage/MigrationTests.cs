using System.Data.Common;
using Npgsql;
using Parley.Documents;
using Parley.Storage;
using Xunit;

namespace Parley.Tests.Storage;

/// <summary>
/// A store written by an older Parley (schema version 1: no events or dates tables) is upgraded when opened,
/// and the new tables are filled from the documents it already holds.
/// </summary>
public sealed class MigrationTests
{
    /// <summary>Writes documents the way schema version 1 stored them: the document row and its full-text row.</summary>
    private static void WriteVersion1Rows(DbConnection c, NewsDocument[] documents, bool sqlite)
    {
        foreach (var d in documents)
        {
            var index = DocumentIndex.Build(d);
            using var cmd = c.CreateCommand();
            cmd.CommandText = "INSERT INTO documents (id, title, url, source, published, date, language, format, layers, quotes, entities, chars, ingested_at"
                + (sqlite ? ") VALUES (@id, @title, NULL, NULL, NULL, @date, 'en', 'text', @layers, @q, @e, @chars, '2020-01-01T00:00:00Z') RETURNING seq"
                          : ", body) VALUES (@id, @title, NULL, NULL, NULL, @date, 'en', 'text', @layers, @q, @e, @chars, '2020-01-01T00:00:00Z', @body) RETURNING seq");
            void Add(string name, object value)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = name;
                p.Value = value;
                cmd.Parameters.Add(p);
            }

            Add("@id", index.Id);
            Add("@title", index.Title ?? "");
            Add("@date", (object?)index.Date ?? DBNull.Value);
            Add("@layers", index.Layers);
            Add("@q", index.Quotes.Count);
            Add("@e", index.Entities.Count);
            Add("@chars", d.Text.Length);
            if (!sqlite)
            {
                Add("@body", d.Text);
            }

            long seq = Convert.ToInt64(cmd.ExecuteScalar());
            using (var json = c.CreateCommand())
            {
                json.CommandText = $"INSERT INTO document_json (seq, json) VALUES ({seq}, @json)";
                var p = json.CreateParameter();
                p.ParameterName = "@json";
                p.Value = DocumentIndex.Pack(d);
                json.Parameters.Add(p);
                json.ExecuteNonQuery();
            }
            if (sqlite)
            {
                using var fts = c.CreateCommand();
                fts.CommandText = $"INSERT INTO documents_fts (rowid, title, body) VALUES ({seq}, @t, @b)";
                var t = fts.CreateParameter();
                t.ParameterName = "@t";
                t.Value = index.Title ?? "";
                fts.Parameters.Add(t);
                var b = fts.CreateParameter();
                b.ParameterName = "@b";
                b.Value = d.Text;
                fts.Parameters.Add(b);
                fts.ExecuteNonQuery();
            }
        }
    }

    private static void AssertUpgraded(IDocumentStore store)
    {
        Assert.Equal(2, store.SchemaVersion);
        Assert.Equal(4, store.CountDocuments());
        Assert.Equal(1, store.ListArticles(new ArticleFilter { EventType = "CONSULT" }, new PageRequest()).Total);
        Assert.Equal(2, store.ListArticles(new ArticleFilter { Speaker = "Sergei Lavrov" }, new PageRequest()).Total);
        Assert.Equal(2, store.SearchArticles(SearchQuery.Parse("Lavrov"), ArticleFilter.None, new PageRequest()).Total);
        var lavrov = store.ListEntities(new EntityFilter { NamePrefix = "sergei" }, new PageRequest()).Items.Single();
        Assert.Equal(2, lavrov.Documents);
        Assert.Equal(PutOutcome.Unchanged, store.PutBatch([SampleArticles.Geneva()])[0]);
    }

    [Fact]
    public void Sqlite_store_from_version_1_is_upgraded_on_open()
    {
        string dir = Directory.CreateTempSubdirectory("parley-migrate-").FullName;
        try
        {
            string path = Path.Combine(dir, "old.db");
            using (var old = SqliteDocumentStore.Open(path, schemaVersion: 1))
            {
                Assert.Equal(1, old.SchemaVersion);
                using var c = old.OpenRaw();
                WriteVersion1Rows(c, SampleArticles.All(), sqlite: true);
            }

            using var store = SqliteDocumentStore.Open(path);
            AssertUpgraded(store);
            using var check = store.OpenRaw();
            using var cmd = check.CreateCommand();
            cmd.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", cmd.ExecuteScalar());
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [SkippableFact]
    public void Postgres_store_from_version_1_is_upgraded_on_open()
    {
        string cs = TestServices.RequirePostgres();
        string schema = TestServices.UniqueSchema("parley_migrate");
        using (var old = PostgresDocumentStore.Open(cs, schema, schemaVersion: 1))
        {
            Assert.Equal(1, old.SchemaVersion);
            using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { SearchPath = schema }.ConnectionString);
            c.Open();
            WriteVersion1Rows(c, SampleArticles.All(), sqlite: false);
        }

        using var store = PostgresDocumentStore.Open(cs, schema);
        try
        {
            AssertUpgraded(store);
        }
        finally
        {
            store.DropSchema();
        }
    }

    [Fact]
    public void A_store_from_a_newer_parley_is_refused_with_a_clear_error()
    {
        string dir = Directory.CreateTempSubdirectory("parley-migrate-").FullName;
        try
        {
            string path = Path.Combine(dir, "new.db");
            using (var store = SqliteDocumentStore.Open(path))
            using (var c = store.OpenRaw())
            using (var cmd = c.CreateCommand())
            {
                cmd.CommandText = "UPDATE parley_meta SET value = '99' WHERE key = 'schema_version'";
                cmd.ExecuteNonQuery();
            }

            var e = Assert.Throws<ParleyException>(() => SqliteDocumentStore.Open(path));
            Assert.Equal(ErrorCode.StoreVersion, e.Code);
            Assert.Contains("schema version 99", e.Message);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void A_file_that_is_not_a_store_is_refused_with_a_clear_error()
    {
        string dir = Directory.CreateTempSubdirectory("parley-migrate-").FullName;
        try
        {
            string path = Path.Combine(dir, "notes.db");
            File.WriteAllText(path, "these are my notes, not a database; " + new string('x', 4096));
            var e = Assert.Throws<ParleyException>(() => SqliteDocumentStore.Open(path));
            Assert.Equal(ErrorCode.StoreUnavailable, e.Code);
            e = Assert.Throws<ParleyException>(() => SqliteDocumentStore.Open(Path.Combine(dir, "missing", "x.db")));
            Assert.Equal(ErrorCode.StoreUnavailable, e.Code);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [SkippableFact]
    public void Unreachable_postgres_is_a_clear_error()
    {
        var e = Assert.Throws<ParleyException>(() => DocumentStore.Open("postgres://nobody:x@127.0.0.1:1/none"));
        Assert.Equal(ErrorCode.StoreUnavailable, e.Code);
        Assert.DoesNotContain("x@", e.Message);
    }
}
