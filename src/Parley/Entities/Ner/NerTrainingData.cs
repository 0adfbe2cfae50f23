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

        return new NerTrainingData { Train = train, Unlabelled = unlabelled, Sources = sources };
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
