using System.Text.Json.Nodes;

namespace Parley.Entities.Ner;

/// <summary>
/// The corpora the shipped recogniser is trained on, all under licences that allow a shipped model, and the two
/// evaluation sets that must never be trained on (Universal NER EWT test and PUD test).
/// </summary>
public sealed class NerTrainingData
{
    public required List<NerSentence> Train { get; init; }

    /// <summary>Unlabelled sentences for word statistics (case counts): the training text plus UD EWT train.</summary>
    public required List<string[]> Unlabelled { get; init; }

    /// <summary>What was read, with licences, for the model manifest and MODELS.md.</summary>
    public required JsonArray Sources { get; init; }

    public static string UnerEwtTest(string data) => Path.Combine(data, "ner-uner-english", "ewt", "en_ewt-ud-test.iob2");

    public static string UnerPudTest(string data) => Path.Combine(data, "ner-uner-english", "pud", "en_pud-ud-test.iob2");

    /// <summary>Reads every training corpus found under <paramref name="data"/> (the shared data folder).</summary>
    public static NerTrainingData Load(string data, ICollection<string>? only = null, TextWriter? log = null)
    {
        if (!Directory.Exists(data))
        {
            throw new ParleyException(ErrorCode.DataMissing, $"the data folder {data} does not exist; give the shared data folder with --data or PARLEY_DATA");
        }

        var train = new List<NerSentence>();
        var sources = new JsonArray();
        void Add(string name, string licence, string path, Func<string, List<NerSentence>> read)
        {
            if (only is { Count: > 0 } && !only.Contains(name))
            {
                return;
            }

            if (!File.Exists(path) && !Directory.Exists(path))
            {
                log?.WriteLine($"ner: {name} not found at {path}; training without it");
                return;
            }

            var sentences = read(path);
            int spans = sentences.Sum(s => s.Spans.Count), words = sentences.Sum(s => s.Words.Length);
            log?.WriteLine($"ner: {name}: {sentences.Count:N0} sentences, {words:N0} words, {spans:N0} entities");
            train.AddRange(sentences);
            sources.Add(new JsonObject { ["name"] = name, ["licence"] = licence, ["sentences"] = sentences.Count, ["words"] = words, ["entities"] = spans });
        }

        Add("uner-ewt-dev", "CC BY-SA 4.0", Path.Combine(data, "ner-uner-english", "ewt", "en_ewt-ud-dev.iob2"), p => NerCorpora.ReadUner(p, "uner-ewt-dev"));
        Add("gum-open-genres", "CC BY (GUM genres " + string.Join(", ", NerCorpora.GumOpenGenres.Order()) + ")", Path.Combine(data, "ud-english-gum"), p =>
            Directory.EnumerateFiles(p, "*.conllu").Order(StringComparer.Ordinal).SelectMany(NerCorpora.ReadGum).ToList());
        Add("wikigold", "CC BY 4.0", Path.Combine(data, "ner-wikigold", "wikigold.conll.txt"), NerCorpora.ReadWikiGold);
        Add("meantime-en", "CC BY 4.0", Path.Combine(data, "meantime-en", "intra_cross-doc_annotation"), NerCorpora.ReadMeantime);
        if (train.Count == 0)
        {
            throw new ParleyException(ErrorCode.DataMissing, $"no named-entity training data found under {data}");
        }

        var unlabelled = train.Select(s => s.Words).ToList();
        string ewtTrain = Path.Combine(data, "ud-english-ewt", "en_ewt-ud-train.conllu");
        if (File.Exists(ewtTrain))
        {
            unlabelled.AddRange(NerCorpora.ReadConlluWords(ewtTrain));
            sources.Add(new JsonObject { ["name"] = "ud-english-ewt-train (words only, for case statistics)", ["licence"] = "CC BY-SA 4.0" });
        }

        string articles = Path.Combine(data, "article-extraction-benchmark", "ground-truth.json");
        if (File.Exists(articles))
        {
            unlabelled.AddRange(ArticleSentences(articles));
            sources.Add(new JsonObject { ["name"] = "article-extraction-benchmark (article text only, for word statistics and clusters)", ["licence"] = "MIT" });
        }

        string pages = Path.Combine(data, "readability-test-pages", "pages");
        if (Directory.Exists(pages))
        {
            foreach (var file in Directory.EnumerateFiles(pages, "expected.html.gz", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(file), System.IO.Compression.CompressionMode.Decompress);
                using var reader = new StreamReader(gzip);
                string html = reader.ReadToEnd();
                string text = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<(p|div|br|h[1-6]|li|td|tr)\\b[^>]*>", "\n"));
                unlabelled.AddRange(LineSentences(System.Text.RegularExpressions.Regex.Replace(text, "<[^>]*>", " ")));
            }

            sources.Add(new JsonObject { ["name"] = "readability-test-pages (expected article text only, for word statistics and clusters)", ["licence"] = "Apache-2.0" });
        }

        return new NerTrainingData { Train = train, Unlabelled = unlabelled, Sources = sources };
    }

    private static IEnumerable<string[]> LineSentences(string text)
    {
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var spans = Parley.Nlp.RuleTokenizer.Tokenize(line, new Parley.Documents.TextSpan(0, line.Length));
            if (spans.Count > 0)
            {
                yield return spans.ConvertAll(s => line.Substring(s.Start, s.Length)).ToArray();
            }
        }
    }

    /// <summary>The article bodies of the extraction benchmark's ground truth, tokenised by rule, line by line.</summary>
    private static IEnumerable<string[]> ArticleSentences(string path)
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        foreach (var article in json.RootElement.EnumerateObject())
        {
            if (!article.Value.TryGetProperty("articleBody", out var body) || body.GetString() is not { } text)
            {
                continue;
            }

            foreach (var sentence in LineSentences(text))
            {
                yield return sentence;
            }
        }
    }

    /// <summary>
    /// Mention replacement (Dai and Adel 2020): a copy of each sentence with entities in which every entity is
    /// replaced by another entity of the same type drawn from the training data. The model then sees each context
    /// ("… said Tarlo", "in Fallujah") with many names, and learns the context rather than the name.
    /// </summary>
    public static List<NerSentence> ReplaceMentions(IReadOnlyList<NerSentence> sentences, int copies, int seed)
    {
        var pool = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            foreach (var span in s.Spans)
            {
                if (!pool.TryGetValue(span.Type, out var list))
                {
                    pool[span.Type] = list = [];
                }

                list.Add(s.Words[span.Start..span.End]);
            }
        }

        var random = new Random(seed);
        var result = new List<NerSentence>();
        for (int copy = 0; copy < copies; copy++)
        {
            foreach (var s in sentences)
            {
                if (s.Spans.Count == 0)
                {
                    continue;
                }

                var words = new List<string>();
                var spans = new List<NerSpan>();
                int at = 0;
                foreach (var span in s.Spans)
                {
                    words.AddRange(s.Words[at..span.Start]);
                    var candidates = pool[span.Type];
                    var name = candidates[random.Next(candidates.Count)];
                    spans.Add(new NerSpan(words.Count, words.Count + name.Length, span.Type));
                    words.AddRange(name);
                    at = span.End;
                }

                words.AddRange(s.Words[at..]);
                result.Add(new NerSentence([.. words], spans, s.Source + "#replaced"));
            }
        }

        return result;
    }

    /// <summary>Splits off every fifth document (by a stable hash of its id) as a development set.</summary>
    public static (List<NerSentence> Train, List<NerSentence> Dev) HoldOut(IReadOnlyList<NerSentence> sentences, int fold = 0, int folds = 5)
    {
        var train = new List<NerSentence>();
        var dev = new List<NerSentence>();
        foreach (var s in sentences)
        {
            ulong h = NerFeatures.Hash(s.Source);
            (h % (ulong)folds == (ulong)fold ? dev : train).Add(s);
        }

        return (train, dev);
    }
}
