// Workspace benchmarks: ingest rate through the default pipeline, and search latency over a large store.
//   dotnet run -c Release --project bench/WorkspaceBench -- ingest [--docs 2000]
//   dotnet run -c Release --project bench/WorkspaceBench -- search [--docs 100000] [--store PATH|postgres://...] [--queries 300]
// Articles are generated here from a made-up vocabulary, so nothing third-party is needed or stored.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Parley.Documents;
using Parley.Intake;
using Parley.Pipeline;
using Parley.Storage;

var argList = args.ToList();
string mode = argList.Count > 0 ? argList[0] : "search";
string Arg(string name, string fallback) => argList.IndexOf(name) is int i and >= 0 && i + 1 < argList.Count ? argList[i + 1] : fallback;
int docs = int.Parse(Arg("--docs", mode == "ingest" ? "2000" : "100000"), CultureInfo.InvariantCulture);
var gen = new ArticleGenerator(42);

if (mode == "ingest")
{
    string dir = Directory.CreateTempSubdirectory("parley-bench-ingest-").FullName;
    for (int i = 0; i < docs; i++)
    {
        File.WriteAllText(Path.Combine(dir, $"a{i:D6}.txt"), gen.Text(i));
    }

    // The peer in the same run: the same pipeline over the same files without storing (what `parley analyze` does).
    var analyzeOnly = ParleyPipelines.CreateDefault();
    var peer = Stopwatch.StartNew();
    foreach (var file in Directory.EnumerateFiles(dir, "*.txt").Order(StringComparer.Ordinal))
    {
        analyzeOnly.Process(DocumentInput.FromFile(file));
    }

    peer.Stop();
    Console.WriteLine($"analyze only (peer): {docs} articles in {peer.Elapsed.TotalSeconds:F2} s = {docs / peer.Elapsed.TotalSeconds:F1} articles/s");
    string db = Path.Combine(dir, "bench.db");
    using var store = SqliteDocumentStore.Open(db);
    var pipeline = ParleyPipelines.CreateDefault();
    var sources = IngestSources.Expand([dir], IntakeOptions.Default);
    var clock = Stopwatch.StartNew();
    var result = new Ingestor(store, pipeline).Run(sources);
    clock.Stop();
    long bytes = Directory.EnumerateFiles(dir, "*.txt").Sum(f => new FileInfo(f).Length);
    Console.WriteLine($"ingest: {result.Added} articles ({bytes / 1024.0 / 1024.0:F1} MB) in {clock.Elapsed.TotalSeconds:F2} s = {result.Added / clock.Elapsed.TotalSeconds:F1} articles/s, {result.Failed} failed; ingest/analyze time ratio {clock.Elapsed.TotalSeconds / peer.Elapsed.TotalSeconds:F2}");
    Console.WriteLine($"layers: {string.Join(", ", pipeline.Assigns.Distinct())}; components: {string.Join(", ", pipeline.Components.Select(c => c.Name))}; cores available: {Environment.ProcessorCount}");
    foreach (var (name, time) in pipeline.Timings())
    {
        Console.WriteLine($"  {name,-16} {time.TotalSeconds,8:F2} s");
    }

    var again = Stopwatch.StartNew();
    var second = new Ingestor(store, pipeline).Run(IngestSources.Expand([dir], IntakeOptions.Default));
    Console.WriteLine($"re-ingest (all unchanged): {second.Unchanged} in {again.Elapsed.TotalSeconds:F2} s = {second.Unchanged / again.Elapsed.TotalSeconds:F1}/s");
    Directory.Delete(dir, true);
    return 0;
}

string spec = Arg("--store", Path.Combine(Path.GetTempPath(), $"parley-bench-{docs}.db"));
int queries = int.Parse(Arg("--queries", "300"), CultureInfo.InvariantCulture);
using var s = DocumentStore.Open(spec);
long have = s.CountDocuments();
if (have < docs)
{
    var fill = Stopwatch.StartNew();
    var batch = new List<NewsDocument>(500);
    for (long i = have; i < docs; i++)
    {
        batch.Add(gen.Annotated((int)i));
        if (batch.Count == 500)
        {
            s.PutBatch(batch);
            batch.Clear();
            if (i % 10000 < 500)
            {
                Console.Error.WriteLine($"  stored {i + 1:N0} ({(i + 1 - have) / fill.Elapsed.TotalSeconds:F0}/s)");
            }
        }
    }

    s.PutBatch(batch);
    Console.WriteLine($"generated and stored {docs - have:N0} annotated articles in {fill.Elapsed.TotalSeconds:F1} s");
}

Console.WriteLine($"store: {s.Kind} {s.Location}, {s.CountDocuments():N0} documents");
var random = new Random(7);
var kinds = new Dictionary<string, List<double>>();
void Time(string kind, Action action)
{
    var t = Stopwatch.StartNew();
    action();
    (kinds.TryGetValue(kind, out var list) ? list : kinds[kind] = []).Add(t.Elapsed.TotalMilliseconds);
}

// Warm up caches the way a running server would be.
for (int i = 0; i < 20; i++)
{
    s.SearchArticles(SearchQuery.Parse(gen.Word(random, common: true)), ArticleFilter.None, new PageRequest());
}

for (int i = 0; i < queries; i++)
{
    string common = gen.Word(random, common: true), rare = gen.Word(random, common: false);
    switch (i % 6)
    {
        case 0: Time("one common word", () => s.SearchArticles(SearchQuery.Parse(common), ArticleFilter.None, new PageRequest())); break;
        case 1: Time("one rare word", () => s.SearchArticles(SearchQuery.Parse(rare), ArticleFilter.None, new PageRequest())); break;
        case 2: Time("two words", () => s.SearchArticles(SearchQuery.Parse(common + " " + rare), ArticleFilter.None, new PageRequest())); break;
        case 3: Time("phrase OR word", () => s.SearchArticles(SearchQuery.Parse($"\"{common} {gen.Word(random, true)}\" OR {rare}"), ArticleFilter.None, new PageRequest())); break;
        case 4: Time("word + speaker + dates", () => s.SearchArticles(SearchQuery.Parse(common), new ArticleFilter { Speaker = gen.Speaker(random), From = "2009-03", To = "2009-09" }, new PageRequest())); break;
        default: Time("quotes by word + country", () => s.ListQuotes(SearchQuery.Parse(common), new ArticleFilter { Country = "RUS" }, new PageRequest())); break;
    }
}

var all = kinds.Values.SelectMany(v => v).Order().ToList();
double P(List<double> v, double p) => v.Order().ElementAt(Math.Min(v.Count - 1, (int)Math.Ceiling(p * v.Count) - 1));
Console.WriteLine($"{"query kind",-26} {"n",4} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
foreach (var (kind, v) in kinds)
{
    Console.WriteLine($"{kind,-26} {v.Count,4} {P(v, 0.5),8:F1} {P(v, 0.95),8:F1} {v.Max(),8:F1}");
}

Console.WriteLine($"{"all",-26} {all.Count,4} {P(all, 0.5),8:F1} {P(all, 0.95),8:F1} {all.Max(),8:F1}");
Console.WriteLine($"{{\"store\":\"{s.Kind}\",\"documents\":{s.CountDocuments()},\"queries\":{all.Count},\"p50_ms\":{P(all, 0.5).ToString("F1", CultureInfo.InvariantCulture)},\"p95_ms\":{P(all, 0.95).ToString("F1", CultureInfo.InvariantCulture)}}}");
return 0;

/// <summary>Deterministic made-up news: pseudo-words with a Zipf-like spread, names, quotes and dates.</summary>
internal sealed class ArticleGenerator
{
    private static readonly string[] Syllables = ["ba", "de", "ki", "lo", "mu", "na", "re", "si", "to", "va", "gor", "lin", "mar", "pol", "sten", "tra", "vel", "zan", "cor", "dri"];
    private static readonly (string Name, string Country)[] People =
        [("Anna Berg", "SWE"), ("Ivan Petrov", "RUS"), ("Maria Lopez", "ESP"), ("John Carter", "USA"), ("Li Wei", "CHN"), ("Olga Smirnova", "RUS"), ("Ahmed Hassan", "EGY"), ("Paul Martin", "FRA")];

    private static readonly string[] EventTypes = ["CONSULT", "APPEAL", "THREATEN", "COOPERATE", "SANCTION"];
    private readonly string[] _words;
    private readonly Random _seedRandom;

    public ArticleGenerator(int seed)
    {
        _seedRandom = new Random(seed);
        var set = new HashSet<string>();
        while (set.Count < 6000)
        {
            int n = 2 + _seedRandom.Next(3);
            var sb = new StringBuilder();
            for (int i = 0; i < n; i++)
            {
                sb.Append(Syllables[_seedRandom.Next(Syllables.Length)]);
            }

            set.Add(sb.ToString());
        }

        _words = [.. set];
    }

    /// <summary>A word: common ones from the head of the distribution, rare ones from its tail.</summary>
    public string Word(Random r, bool common) => common ? _words[r.Next(50)] : _words[500 + r.Next(_words.Length - 500)];

    public string Speaker(Random r) => People[r.Next(People.Length)].Name;

    private string ZipfWord(Random r) => _words[(int)Math.Min(_words.Length - 1, Math.Floor(Math.Pow(_words.Length, r.NextDouble())) - 1)];

    private string Sentence(Random r)
    {
        int n = 8 + r.Next(12);
        var sb = new StringBuilder();
        for (int i = 0; i < n; i++)
        {
            string w = ZipfWord(r);
            sb.Append(i == 0 ? char.ToUpperInvariant(w[0]) + w[1..] : w).Append(i == n - 1 ? "." : " ");
        }

        return sb.ToString();
    }

    public string Text(int i)
    {
        var r = new Random(i);
        var sb = new StringBuilder();
        sb.Append(Sentence(r).TrimEnd('.')).Append("\n\n");
        int paragraphs = 3 + r.Next(4);
        for (int p = 0; p < paragraphs; p++)
        {
            int sentences = 2 + r.Next(3);
            for (int s = 0; s < sentences; s++)
            {
                sb.Append(Sentence(r)).Append(' ');
            }

            sb.Append("\n\n");
        }

        return sb.ToString();
    }

    /// <summary>An article with entities, a quote, a date and an event filled in, as the full pipeline will fill them.</summary>
    public NewsDocument Annotated(int i)
    {
        var r = new Random(i);
        var (speaker, country) = People[r.Next(People.Length)];
        var (other, otherCountry) = People[r.Next(People.Length)];
        string quote = Sentence(r);
        string body = Text(i);
        string said = $"\"{quote}\" {speaker} said after meeting {other}.";
        string text = body + said;
        var doc = new NewsDocument(text);
        int titleEnd = text.IndexOf('\n');
        doc.TitleSpan = new TextSpan(0, titleEnd);
        doc.Metadata.Title = text[..titleEnd];
        doc.Metadata.Published = new DateOnly(2009, 1, 1).AddDays(r.Next(365)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var section = new Section();
        int at = titleEnd + 2;
        foreach (var para in text[(titleEnd + 2)..].Split("\n\n"))
        {
            if (para.Trim().Length > 0)
            {
                section.Paragraphs.Add(new TextSpan(at, para.Length));
            }

            at += para.Length + 2;
        }

        doc.Sections.Add(section);
        int saidAt = body.Length;
        int speakerAt = text.IndexOf(speaker, saidAt + quote.Length, StringComparison.Ordinal);
        int otherAt = text.LastIndexOf(other, StringComparison.Ordinal);
        doc.Mentions.Add(new Mention { Start = speakerAt, Length = speaker.Length, Type = "PER", Kind = MentionKind.Name, Entity = 0 });
        doc.Entities.Add(new Entity { Id = 0, Type = "PER", Name = speaker, Mentions = [0], Actor = new Actor { Country = country } });
        if (other != speaker)
        {
            doc.Mentions.Add(new Mention { Start = otherAt, Length = other.Length, Type = "PER", Kind = MentionKind.Name, Entity = 1 });
            doc.Entities.Add(new Entity { Id = 1, Type = "PER", Name = other, Mentions = [1], Actor = new Actor { Country = otherCountry } });
        }

        doc.Quotes.Add(new Quote { Kind = QuoteKind.Direct, Content = new TextSpan(saidAt + 1, quote.Length), Speaker = 0, Confidence = 0.9 });
        doc.Events.Add(new NewsEvent { Type = EventTypes[r.Next(EventTypes.Length)], Sources = [0], Targets = other != speaker ? [1] : [], Date = doc.Metadata.Published });
        foreach (var layer in new[] { "text", "metadata", "sections", "flags", "mentions", "entities", "actors", "quotes", "events" })
        {
            doc.Layers.Add(layer);
        }

        return doc;
    }
}
