using System.Diagnostics;
using Parley.Nlp.Conllu;
using Parley.Nlp.Tagging;

namespace Parley.Nlp;

/// <summary>What to train and how; the defaults build the shipped model.</summary>
public sealed record NlpTrainingOptions
{
    /// <summary>Components to train (tokenizer, tagger, lemmatizer, parser); empty means all.</summary>
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>();

    public int Seed { get; init; } = 1;

    /// <summary>Folds for jack-knifed tags on which the parser is trained.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Most parser training epochs (the development set stops training earlier when LAS stops rising).</summary>
    public int ParserEpochs { get; init; } = 12;

    /// <summary>Most tagger training epochs per pass (the development set stops training earlier).</summary>
    public int TaggerEpochs { get; init; } = 12;

    public bool Wants(string component) => Only.Count == 0 || Only.Contains(component);
}

/// <summary>Trains the NLP model from a UD treebank folder (its *-ud-train.conllu and *-ud-dev.conllu).</summary>
public static class NlpTrainer
{
    /// <summary>Tags each sentence with the tagger (gold tokenisation).</summary>
    internal static Dictionary<TrainingSentence, int[]> PredictTags(PosTagger tagger, IReadOnlyList<TrainingSentence> sentences)
    {
        var result = new Dictionary<TrainingSentence, int[]>(ReferenceEqualityComparer.Instance);
        var work = new NlpSentence();
        var features = new Learning.FeatureBuffer();
        var scores = new int[Math.Max(tagger.Tags.Count, tagger.FeatsLabels.Count)];
        foreach (var sentence in sentences)
        {
            work.Reset(sentence.Count);
            Array.Copy(sentence.Forms, work.Forms, sentence.Count);
            Array.Copy(sentence.Hashes, work.Hashes, sentence.Count);
            tagger.Tag(work, features, scores);
            result[sentence] = work.Tags.AsSpan(0, sentence.Count).ToArray();
        }

        return result;
    }

    public static (string Train, string Dev) FindTreebank(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new ParleyException(ErrorCode.DataMissing, $"{directory} is not a folder; give the UD treebank folder, e.g. ../shared/data/ud-english-ewt");
        }

        string? train = Directory.EnumerateFiles(directory, "*-ud-train.conllu").Order(StringComparer.Ordinal).FirstOrDefault();
        string? dev = Directory.EnumerateFiles(directory, "*-ud-dev.conllu").Order(StringComparer.Ordinal).FirstOrDefault();
        if (train is null || dev is null)
        {
            throw new ParleyException(ErrorCode.DataMissing, $"{directory} has no *-ud-train.conllu and *-ud-dev.conllu files");
        }

        return (train, dev);
    }

    public static void Train(string dataDirectory, string outputPath, NlpTrainingOptions options, TextWriter log)
    {
        var (trainPath, devPath) = FindTreebank(dataDirectory);
        var watch = Stopwatch.StartNew();
        var trainConllu = ConlluReader.ReadFile(trainPath);
        var devConllu = ConlluReader.ReadFile(devPath);
        var train = trainConllu.Select(s => new TrainingSentence(s)).ToList();
        var dev = devConllu.Select(s => new TrainingSentence(s)).ToList();
        log.WriteLine($"read {train.Count:N0} training and {dev.Count:N0} development sentences in {watch.Elapsed.TotalSeconds:F1}s");

        Tokenization.LearnedTokenizer? tokenizer = null;
        if (options.Wants("tokenizer"))
        {
            log.WriteLine("training the tokenizer and sentence splitter");
            tokenizer = Tokenization.TokenizerTrainer.Train(Tokenization.RawParagraphs.Build(trainConllu), Tokenization.RawParagraphs.Build(devConllu), options.Seed, log);
        }

        log.WriteLine("training the tagger");
        var tagger = PosTaggerTrainer.Train(train, dev,
            new PosTaggerTrainer.Options(Seed: options.Seed, MaxEpochs: options.Wants("tagger") ? options.TaggerEpochs : 3, Folds: options.Folds), log);
        log.WriteLine($"tagger: {tagger.Tags.Count} tags, {tagger.FeatsLabels.Count} feature sets, {tagger.FeatureCount:N0} features");
        Lemmatization.Lemmatizer? lemmatizer = null;
        if (options.Wants("lemmatizer"))
        {
            log.WriteLine("training the lemmatizer");
            lemmatizer = Lemmatization.LemmatizerTrainer.Train(train, dev, tagger, options.Seed, log);
        }

        Parsing.ArcEagerParser? parser = null;
        if (options.Wants("parser"))
        {
            var devTags = PredictTags(tagger, dev);
            if (options.Folds <= 1)
            {
                foreach (var sentence in train)
                {
                    sentence.PredictedTags = sentence.Source.Words.Select(w => tagger.Tags.IndexOf(TrainingSentence.TagOf(w))).ToArray();
                }
            }

            var punct = tagger.Upos.Select(u => u == Documents.UPos.PUNCT).ToArray();
            log.WriteLine("training the parser");
            parser = Parsing.ParserTrainer.Train(train, dev, s => devTags[s], punct, null,
                new Parsing.ParserTrainer.Options(Seed: options.Seed, MaxEpochs: options.ParserEpochs), log);
        }

        if (tokenizer is null || lemmatizer is null || parser is null)
        {
            log.WriteLine("only some components were trained, so no model file was written");
            return;
        }

        string data = $"{Path.GetFileName(trainPath)} (training) and {Path.GetFileName(devPath)} (early stopping only) from {Path.GetFileName(Path.GetFullPath(dataDirectory).TrimEnd('/'))}";
        var manifest = NlpModel.BuildManifest(tokenizer, tagger, lemmatizer, parser, data, null);
        var model = new NlpModel(tokenizer, tagger, lemmatizer, parser, manifest);
        model.Save(outputPath);
        log.WriteLine($"wrote {outputPath} ({new FileInfo(outputPath).Length / 1e6:F1} MB) after {watch.Elapsed.TotalMinutes:F1} minutes");
    }
}
