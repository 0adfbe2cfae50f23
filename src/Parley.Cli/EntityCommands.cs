using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Parley.Entities;
using Parley.Entities.Ner;
using Parley.Pipeline;

namespace Parley.Cli;

/// <summary>`parley train ner` and `parley eval ner`: build and measure the named-entity recogniser.</summary>
internal static class EntityCommands
{
    public static Command CreateTrain(CliContext context)
    {
        var data = DataOption();
        var output = new Option<string>("--output", "-o") { Description = "Folder (or file) for the model", DefaultValueFactory = _ => "models" };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data", DefaultValueFactory = _ => new NerTrainingOptions().Epochs };
        var minCount = new Option<int>("--min-count") { Description = "Drop features seen fewer times", DefaultValueFactory = _ => new NerTrainingOptions().MinFeatureCount };
        var only = new Option<string[]>("--only") { Description = "Train only on these corpora: uner-ewt-dev, gum-open-genres, wikigold, meantime-en", AllowMultipleArgumentsPerToken = true };
        var unerWeight = new Option<int>("--uner-weight") { Description = "Copies of the Universal NER training sentences (the evaluation's own conventions)", DefaultValueFactory = _ => 2 };
        var replace = new Option<int>("--replace") { Description = "Copies of the training sentences with their entities replaced by others of the same type", DefaultValueFactory = _ => 2 };
        var holdout = new Option<int>("--holdout") { Description = "Hold out fold N of 5 (by document) and report it; the model is then not saved. -1: train on everything", DefaultValueFactory = _ => -1 };
        var command = new Command("ner", "The named-entity recogniser (PER, ORG, LOC) from the open-licence corpora in the data folder") { data, output, epochs, minCount, only, holdout, unerWeight, replace };
        command.SetAction(parsed =>
        {
            string dataDir = DataLocator.Find(parsed.GetValue(data));
            var options = new NerTrainingOptions { Epochs = parsed.GetValue(epochs), MinFeatureCount = parsed.GetValue(minCount) };
            var corpora = NerTrainingData.Load(dataDir, parsed.GetValue(only), context.Error);
            var lexicons = EntityRecognizer.DefaultLexicons();
            var (common, known) = NerResources.CountCase(corpora.Unlabelled);
            var clusters = WordClusters.Induce(corpora.Unlabelled);
            context.Error.WriteLine($"ner: {clusters.Count:N0} words clustered from {corpora.Unlabelled.Count:N0} unlabelled sentences");
            var resources = new NerResources(common, known, clusters, lexicons, NerResources.CountProfiles(corpora.Unlabelled));
            var manifest = new JsonObject
            {
                ["kind"] = NerModel.Kind,
                ["language"] = "en",
                ["types"] = new JsonArray(NerTypes.Select(t => (JsonNode)t).ToArray()),
                ["lexicons"] = new JsonArray(lexicons.Select(l => (JsonNode)l.Name).ToArray()),
                ["trainedOn"] = corpora.Sources,
                ["epochs"] = options.Epochs,
                ["minFeatureCount"] = options.MinFeatureCount,
                ["created"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            int fold = parsed.GetValue(holdout);
            int weight = parsed.GetValue(unerWeight);
            manifest["unerWeight"] = weight;
            int replaced = parsed.GetValue(replace);
            manifest["replacedCopies"] = replaced;
            List<NerSentence> Weighted(List<NerSentence> sentences) =>
                [.. sentences, .. Enumerable.Repeat(0, Math.Max(0, weight - 1)).SelectMany(_ => sentences.Where(s => s.Source.StartsWith("uner", StringComparison.Ordinal))),
                 .. NerTrainingData.ReplaceMentions(sentences, replaced, options.Seed)];
            if (fold >= 0)
            {
                var (train, dev) = NerTrainingData.HoldOut(corpora.Train, fold);
                train = Weighted(train);
                var model = NerTrainer.Train(train, resources, NerTypes, options, manifest, context.Error, dev);
                PrintScores(context.Out, $"held-out fold {fold} ({dev.Count:N0} sentences of the training corpora)", NerScore.Evaluate(model, dev));
                foreach (var group in dev.GroupBy(s => s.Source.Split(':')[0]))
                {
                    context.Out.WriteLine($"  {group.Key,-14} F1 {NerScore.Evaluate(model, group.ToList()).Overall.F1 * 100:F1}");
                }

                return ParleyCli.ExitOk;
            }

            var final = NerTrainer.Train(Weighted(corpora.Train), resources, NerTypes, options, manifest, context.Error);
            string target = parsed.GetValue(output)!;
            string path = Directory.Exists(target) || !Path.HasExtension(target) ? Path.Combine(target, EntityRecognizer.ModelFileName) : target;
            NerModelFile.Save(final, path);
            context.Error.WriteLine($"ner: {final.FeatureCount:N0} features; wrote {path} ({new FileInfo(path).Length:N0} bytes)");
            return ParleyCli.ExitOk;
        });
        return command;
    }

    public static Command CreateEval(CliContext context)
    {
        var data = DataOption();
        var modelOption = new Option<string?>("--model", "-m") { Description = "The model file (default: models/" + EntityRecognizer.ModelFileName + ")" };
        var command = new Command("ner", "Precision, recall and F1 (exact spans) on Universal NER EWT test and PUD test, and speed") { data, modelOption };
        command.SetAction(parsed =>
        {
            string dataDir = DataLocator.Find(parsed.GetValue(data));
            var model = EntityRecognizer.LoadModel(parsed.GetValue(modelOption));
            var json = new JsonObject();
            long ticks = 0;
            int tokens = 0;
            foreach (var (name, path) in new[] { ("pud", NerTrainingData.UnerPudTest(dataDir)), ("ewt", NerTrainingData.UnerEwtTest(dataDir)) })
            {
                if (!File.Exists(path))
                {
                    throw new ParleyException(ErrorCode.DataMissing, $"{path} not found; give the shared data folder with --data or PARLEY_DATA");
                }

                var sentences = NerCorpora.ReadUner(path, name);
                model.Predict(sentences[0].Words); // warm up
                long t0 = Stopwatch.GetTimestamp();
                var score = NerScore.Evaluate(model, sentences);
                ticks += Stopwatch.GetTimestamp() - t0;
                tokens += score.Tokens;
                PrintScores(context.Out, name == "pud" ? "Universal NER English PUD test" : "Universal NER English EWT test", score);
                json[name] = new JsonObject
                {
                    ["f1"] = Round(score.Overall.F1),
                    ["precision"] = Round(score.Overall.Precision),
                    ["recall"] = Round(score.Overall.Recall),
                    ["per"] = Round(score.For("PER").F1),
                    ["org"] = Round(score.For("ORG").F1),
                    ["loc"] = Round(score.For("LOC").F1),
                };
            }

            double seconds = Stopwatch.GetElapsedTime(0, ticks).TotalSeconds;
            double speed = seconds > 0 ? tokens / seconds : 0;
            context.Out.WriteLine($"speed: {speed:N0} tokens/s ({tokens:N0} tokens, gold tokenisation, one thread)");
            json["tokens_per_s"] = Math.Round(speed);
            context.Out.WriteLine(json.ToJsonString());
            return ParleyCli.ExitOk;
        });
        return command;
    }

    private static readonly string[] NerTypes = ["PER", "ORG", "LOC", NerModel.HelperType];

    private static double Round(double v) => Math.Round(v * 100, 2);

    private static void PrintScores(TextWriter output, string title, NerScore score)
    {
        output.WriteLine(title);
        output.WriteLine($"  {"type",-8}{"P",8}{"R",8}{"F1",8}{"gold",8}{"pred",8}");
        foreach (var type in new[] { "PER", "ORG", "LOC" })
        {
            Row(type, score.For(type));
        }

        Row("overall", score.Overall);

        void Row(string name, Prf p) =>
            output.WriteLine($"  {name,-8}{p.Precision * 100,8:F1}{p.Recall * 100,8:F1}{p.F1 * 100,8:F1}{p.Gold,8}{p.Predicted,8}");
    }

    private static Option<string?> DataOption() =>
        new("--data") { Description = "The shared data folder (default: PARLEY_DATA, else ../shared/data above the current folder)" };
}
