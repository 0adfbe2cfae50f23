using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Microsoft.Data.Sqlite;
using Parley.Cli;
using Parley.Documents;
using Parley.Storage;
using Xunit;

namespace Parley.Tests.Storage;

public sealed class IngestTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-ingest-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, true);
    }

    private (int Rc, string Out, string Err) Parley(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int rc = ParleyCli.Run(args, stdout, stderr, () => Stream.Null);
        return (rc, stdout.ToString(), stderr.ToString());
    }

    private string Write(string name, string content)
    {
        string path = Path.Combine(_dir, "in", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Ingest_reads_every_input_kind_and_reingest_changes_nothing()
    {
        Write("a.txt", "Harbour reopens\n\nThe harbour reopened on Tuesday after repairs to the breakwater.\n");
        Write("b.html", "<html><head><title>Grain talks</title></head><body><p>Grain talks ended without agreement.</p></body></html>");
        string gz = Path.Combine(_dir, "in", "c.html.gz");
        using (var f = File.Create(gz))
        using (var z = new GZipStream(f, CompressionLevel.Fastest))
        {
            z.Write(Encoding.UTF8.GetBytes("<html><body><p>Library fund approved by the council.</p></body></html>"));
        }

        Write("d.jsonl", """
            {"url":"https://news.example/oil","text":"Oil prices rise\n\nOil prices rose on Monday.","published":"2009-03-09"}

            {"url":"https://news.example/rail","html":"<p>Rail strike called off.</p>","published":"2009-03-10"}
            """ + "\n" + DocumentJson.Serialize(SampleArticles.Geneva()) + "\n");
        Write("e.rss", """
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>Feed</title>
            <item><title>Ferry timetable changes</title><link>https://news.example/ferry</link><pubDate>Fri, 06 Mar 2009 10:00:00 +0300</pubDate><description>Ferries will run less often in winter.</description></item>
            <item><title>Bridge opens</title><link>https://news.example/bridge</link><description>&lt;p&gt;The new bridge opened to traffic.&lt;/p&gt;</description></item>
            </channel></rss>
            """);
        Write("f.atom", """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title>
            <entry><title>Museum reopens</title><link href="https://news.example/museum"/><updated>2009-03-11T09:00:00Z</updated><content type="html">The museum reopened after renovation.</content></entry>
            </feed>
            """);
        string db = Path.Combine(_dir, "s.db");
        var (rc, output, err) = Parley("ingest", Path.Combine(_dir, "in"), "--store", db);
        Assert.True(rc == 0, err);
        Assert.Contains("9 added", output);
        Assert.Matches(@"ingest: 9/9 \(100%\), [\d.]+/s, ETA \d\d:\d\d:\d\d", err);

        (rc, output, _) = Parley("ingest", Path.Combine(_dir, "in"), "--store", db);
        Assert.Equal(0, rc);
        Assert.Contains("0 added, 0 replaced, 9 unchanged", output);

        using var store = SqliteDocumentStore.Open(db);
        Assert.Equal(9, store.CountDocuments());
        var ferry = store.SearchArticles(SearchQuery.Parse("ferries"), ArticleFilter.None, new PageRequest()).Items.Single();
        Assert.Equal("2009-03-06", ferry.Article.Date);
        Assert.Equal("https://news.example/ferry", ferry.Article.Url);
        Assert.Single(store.SearchArticles(SearchQuery.Parse("museum"), new ArticleFilter { From = "2009-03-11" }, new PageRequest()).Items);
        Assert.Single(store.SearchArticles(SearchQuery.Parse("library"), ArticleFilter.None, new PageRequest()).Items);
        Assert.Equal(2, store.ListQuotes(null, ArticleFilter.None, new PageRequest()).Total);

        (rc, output, _) = Parley("search", "ferries", "--store", db);
        Assert.Equal(0, rc);
        Assert.Contains("[Ferries]", output);
        (rc, _, err) = Parley("search", "\"broken", "--store", db);
        Assert.Equal(2, rc);
        Assert.Contains("[P040] bad query", err);
        (rc, output, _) = Parley("search", "", "--quotes", "--speaker", "Sergei Lavrov", "--store", db, "--format", "json");
        Assert.Equal(0, rc);
        Assert.Contains("We have agreed", output);
    }

    [Theory]
    [InlineData("empty.txt", "")]
    [InlineData("binary.txt", "\u0000\u0001\u0002\u0003\u0000\u0000\u0000binary\u0000\u0000")]
    [InlineData("broken.jsonl", "{\"url\": \"x\"\n[1,2]\n{\"text\": 5}\nnot json at all\n")]
    [InlineData("broken.rss", "<rss><channel><item><title>unclosed")]
    [InlineData("bomb.rss", "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><rss><channel><item><title>&b;</title></item></channel></rss>")]
    [InlineData("doc.json", "{\"parley\": 1, \"text\": \"short\", \"title\": {\"start\": 0, \"length\": 99}}")]
    public void Bad_inputs_fail_alone_with_a_message(string name, string content)
    {
        Write(name, content);
        Write("good.txt", "A good report\n\nThe council met on Monday.\n");
        string db = Path.Combine(_dir, "s.db");
        var (rc, output, err) = Parley("ingest", Path.Combine(_dir, "in"), "--store", db);
        Assert.Equal(ParleyCli.ExitSomeFailed, rc);
        Assert.Contains("1 added", output);
        Assert.Contains("parley: ", err);
        Assert.Contains("[P0", err);
    }

    [Fact]
    public void A_bad_store_argument_is_a_usage_error()
    {
        var (rc, _, err) = Parley("ingest", _dir, "--store", Path.Combine(_dir, "no", "such", "dir", "x.db"));
        Assert.Equal(ParleyCli.ExitUsage, rc);
        Assert.Contains("[P060]", err);
    }

    /// <summary>
    /// Kills a real `parley ingest` process while it writes, then checks that every stored document is whole
    /// (its quotes, entities and full-text rows all present) and that a second run completes the rest.
    /// </summary>
    [Fact]
    public void Killing_ingest_midway_loses_nothing_committed_and_leaves_no_half_document()
    {
        const int Count = 6000;
        string input = Path.Combine(_dir, "many.jsonl");
        using (var w = new StreamWriter(input))
        {
            for (int i = 0; i < Count; i++)
            {
                var doc = ArticleBuilder.Article($"Report number {i}", $"Minister Anna Berg said on Monday that the plan {i} was \"ready for a vote\".")
                    .Published("2009-03-" + (1 + i % 28).ToString("D2"))
                    .Entity("Anna Berg", "PER", "SWE")
                    .Quote("ready for a vote", "Anna Berg")
                    .Build();
                w.WriteLine(DocumentJson.Serialize(doc));
            }
        }

        string db = Path.Combine(_dir, "crash.db");
        string parleyDll = Path.Combine(AppContext.BaseDirectory, "parley.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { parleyDll, "ingest", input, "--store", db, "--batch", "8" })
        {
            start.ArgumentList.Add(a);
        }

        using var child = Process.Start(start)!;
        child.BeginErrorReadLine();
        child.BeginOutputReadLine();
        long seen = 0;
        var clock = Stopwatch.StartNew();
        while (seen < 200 && clock.Elapsed < TimeSpan.FromSeconds(60) && !child.HasExited)
        {
            Thread.Sleep(10);
            seen = CountCommitted(db);
        }

        child.Kill(entireProcessTree: true);
        child.WaitForExit();
        Assert.True(seen >= 200, $"the child committed only {seen} documents before it ended");

        long afterKill;
        using (var store = SqliteDocumentStore.Open(db))
        using (var c = store.OpenRaw())
        {
            afterKill = store.CountDocuments();
            Assert.InRange(afterKill, seen, Count - 1);
            Assert.Equal("ok", Scalar(c, "PRAGMA integrity_check"));
            // Every document is whole: one quote row, one entity link and one full-text row each, and the counts agree.
            Assert.Equal(afterKill, Scalar(c, "SELECT count(*) FROM quotes"));
            Assert.Equal(afterKill, Scalar(c, "SELECT count(*) FROM document_entities"));
            Assert.Equal(afterKill, Scalar(c, "SELECT count(*) FROM documents_fts"));
            Assert.Equal(afterKill, Scalar(c, "SELECT documents FROM entities WHERE name = 'Anna Berg'"));
            Assert.Equal(0L, Scalar(c, "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM quotes q WHERE q.doc = d.seq)"));
        }

        var (rc, output, err) = Parley("ingest", input, "--store", db);
        Assert.True(rc == 0, err);
        Assert.Contains($"{Count - afterKill} added", output);
        Assert.Contains($"{afterKill} unchanged", output);
        using var final = SqliteDocumentStore.Open(db);
        Assert.Equal(Count, final.CountDocuments());
        Assert.Equal(Count, final.ListEntities(new EntityFilter { NamePrefix = "anna" }, new PageRequest()).Items.Single().Documents);
    }

    private static long CountCommitted(string db)
    {
        if (!File.Exists(db))
        {
            return 0;
        }

        try
        {
            using var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
            c.Open();
            return Convert.ToInt64(Scalar(c, "SELECT count(*) FROM documents"));
        }
        catch (SqliteException)
        {
            return 0;
        }
    }

    private static object? Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
