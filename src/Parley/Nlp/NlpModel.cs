using System.Diagnostics;
using System.Text.Json.Nodes;
using Parley.Nlp.Lemmatization;
using Parley.Nlp.Models;
using Parley.Nlp.Parsing;
using Parley.Nlp.Tagging;
using Parley.Nlp.Tokenization;

namespace Parley.Nlp;

/// <summary>
/// The trained NLP model: tokenizer and sentence splitter, tagger, lemmatizer and parser, in one
/// <see cref="ModelFile"/>. Read-only once loaded, so one instance serves every pipeline and thread.
/// </summary>
public sealed class NlpModel
{
    public const string DefaultFileName = "nlp-en.pmodel";

    /// <summary>The manifest's "kind", checked when loading.</summary>
    public const string Kind = "parley-nlp";

    private static readonly Lazy<NlpModel?> Shared = new(() => Locate() is { } path ? Load(path) : null, LazyThreadSafetyMode.ExecutionAndPublication);

    internal NlpModel(LearnedTokenizer tokenizer, PosTagger tagger, Lemmatizer lemmatizer, ArcEagerParser parser, JsonObject manifest)
    {
        Tokenizer = tokenizer;
        Tagger = tagger;
        Lemmatizer = lemmatizer;
        Parser = parser;
        Manifest = manifest;
    }

    internal LearnedTokenizer Tokenizer { get; }

    internal PosTagger Tagger { get; }

    internal Lemmatizer Lemmatizer { get; }

    internal ArcEagerParser Parser { get; }

    public JsonObject Manifest { get; }

    /// <summary>Where the model was read from, when it was read from a file.</summary>
    public string? Path { get; private set; }

    public TimeSpan LoadTime { get; private set; }

    /// <summary>Processor time the load took (all threads of the process), which a busy machine does not inflate as it does <see cref="LoadTime"/>.</summary>
    public TimeSpan LoadCpuTime { get; private set; }

    /// <summary>The shipped model, found by <see cref="Locate"/> and loaded once; null when there is none.</summary>
    public static NlpModel? Default => Shared.Value;

    /// <summary>
    /// Finds the model file: $PARLEY_MODELS (a file or folder), then models/ beside the program (the build
    /// copies it there), then models/ in the current folder or any folder above it or above the program.
    /// </summary>
    public static string? Locate()
    {
        if (Environment.GetEnvironmentVariable("PARLEY_MODELS") is { Length: > 0 } env)
        {
            string candidate = Directory.Exists(env) ? System.IO.Path.Combine(env, DefaultFileName) : env;
            return File.Exists(candidate) ? candidate : null;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = System.IO.Path.Combine(dir.FullName, "models", DefaultFileName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>The shipped model, or a clear error saying where it was looked for.</summary>
    public static NlpModel Require() => Default ?? throw new ParleyException(ErrorCode.ModelMissing,
        $"no {DefaultFileName} was found beside the program, in a models/ folder above it or the current folder, or at $PARLEY_MODELS; " +
        "restore models/ from the repository or build it with 'parley train nlp --data DIR -o models/'");

    public static NlpModel Load(string path)
    {
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var file = ModelFile.Load(path);
        if (file.Manifest["kind"]?.GetValue<string>() != Kind)
        {
            throw new ParleyException(ErrorCode.ModelFormat, $"{path} is a Parley model of another kind ('{file.Manifest["kind"]}'), not '{Kind}'");
        }

        try
        {
            LearnedTokenizer tokenizer;
            PosTagger tagger;
            Lemmatizer lemmatizer;
            ArcEagerParser parser;
            // Each block's bytes are let go once read, so the raw blocks and the tables built from them are not all held at once.
            using (var r = file.OpenBlock("tokenizer", path))
            {
                tokenizer = LearnedTokenizer.Read(r);
            }

            file.Release("tokenizer");
            using (var r = file.OpenBlock("tagger", path))
            {
                tagger = PosTagger.Read(r);
            }

            file.Release("tagger");
            using (var r = file.OpenBlock("lemmatizer", path))
            {
                lemmatizer = Lemmatizer.Read(r, tagger.Tags.Count);
            }

            file.Release("lemmatizer");
            using (var r = file.OpenBlock("parser", path))
            {
                parser = ArcEagerParser.Read(r);
            }

            file.Release("parser");

            return new NlpModel(tokenizer, tagger, lemmatizer, parser, file.Manifest)
            {
                Path = path, LoadTime = watch.Elapsed, LoadCpuTime = Process.GetCurrentProcess().TotalProcessorTime - cpu,
            };
        }
        catch (EndOfStreamException e)
        {
            throw new ParleyException(ErrorCode.ModelFormat, $"{path}: a block ends too early; the file is damaged", e);
        }
    }

    public void Save(string path)
    {
        var file = new ModelFile(Manifest);
        file.AddBlock("tokenizer", Tokenizer.Write);
        file.AddBlock("tagger", Tagger.Write);
        file.AddBlock("lemmatizer", Lemmatizer.Write);
        file.AddBlock("parser", Parser.Write);
        file.Save(path);
        Path = path;
    }

    /// <summary>The manifest of a newly trained model: what each component is, its labels, the data and its licence.</summary>
    internal static JsonObject BuildManifest(LearnedTokenizer tokenizer, PosTagger tagger, Lemmatizer lemmatizer, ArcEagerParser parser,
        string trainingData, JsonObject? scores)
    {
        static JsonArray Array(IEnumerable<string> items) => new([.. items.Select(s => (JsonNode)JsonValue.Create(s))]);
        return new JsonObject
        {
            ["kind"] = Kind,
            ["language"] = "en",
            ["created"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["trainingData"] = trainingData,
            ["licence"] = "CC BY-SA 4.0 (the model is derived from the training data and shares its licence)",
            ["components"] = new JsonArray
            {
                new JsonObject
                {
                    ["name"] = "tokenizer", ["block"] = "tokenizer", ["method"] = "averaged perceptron: piece joining, multi-word token splitting, sentence ends",
                    ["labels"] = Array(tokenizer.Tails), ["features"] = tokenizer.FeatureCount,
                },
                new JsonObject
                {
                    ["name"] = "tagger", ["block"] = "tagger", ["method"] = "greedy averaged perceptron over UPOS+XPOS pairs; features chosen per tag",
                    ["labels"] = Array(tagger.Tags.Labels.Select(t => t.Replace('\t', ' '))), ["feats"] = Array(tagger.FeatsLabels.Labels), ["features"] = tagger.FeatureCount,
                },
                new JsonObject
                {
                    ["name"] = "lemmatizer", ["block"] = "lemmatizer", ["method"] = "lexicon + averaged-perceptron edit-script classifier",
                    ["labels"] = lemmatizer.Scripts.Count, ["lexicon"] = lemmatizer.LexiconSize,
                },
                new JsonObject
                {
                    ["name"] = "parser", ["block"] = "parser", ["method"] = "greedy arc-eager, averaged perceptron, dynamic oracle, jack-knifed tags",
                    ["labels"] = Array(parser.Labels.Labels), ["features"] = parser.FeatureCount,
                },
            },
            ["scores"] = scores,
        };
    }
}
