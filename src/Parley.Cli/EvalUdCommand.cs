using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Parley.Nlp;
using Parley.Nlp.Conllu;
using Parley.Nlp.Evaluation;

namespace Parley.Cli;

/// <summary>`parley eval ud` and `parley eval pos`: the NLP model on a UD file (CoNLL 2018 shared-task metrics; tagger alone).</summary>
internal static class EvalUdCommand
{
    private static readonly string[] JsonMetrics = ["Tokens", "Sentences", "UPOS", "XPOS", "UFeats", "Lemmas", "UAS", "LAS"];

    public static Command Create(CliContext context)
    {
        var data = new Option<string>("--data") { Description = "A UD CoNLL-U file with gold annotation, e.g. ../shared/data/ud-english-ewt/en_ewt-ud-test.conllu", Required = true };
        var model = new Option<string?>("--model") { Description = "The model file (default: the shipped models/" + NlpModel.DefaultFileName + ")" };
        var passes = new Option<int>("--passes") { Description = "Timed passes over the raw text (the first warms up)", DefaultValueFactory = _ => 3 };
        var segmenter = new Option<string>("--segmenter") { Description = "Tokenizer and sentence splitter for the raw-text run: learned (the model's) or rule (the baseline, for comparison)", DefaultValueFactory = _ => "learned" };
        segmenter.AcceptOnlyFromAmong("learned", "rule");
        var ud = new Command("ud", "CoNLL 2018 metrics from raw text and from gold tokens, speed and memory; ends with one JSON line") { data, model, passes, segmenter };
        ud.SetAction(parsed => Run(context, parsed.GetValue(data)!, parsed.GetValue(model), parsed.GetValue(passes), parsed.GetValue(segmenter) == "rule"));
        return ud;
    }

    public static Command CreatePos(CliContext context)
    {
        var data = new Option<string>("--data") { Description = "A UD CoNLL-U file with gold UPOS", Required = true };
        var model = new Option<string?>("--model") { Description = "The model file (default: the shipped model)" };
        var repeat = new Option<int>("--repeat") { Description = "Passes over the file; the first warms up, the rest are timed", DefaultValueFactory = _ => 20 };
        var pos = new Command("pos", "UPOS accuracy and speed of the tagger alone on gold tokens (for comparison with other taggers); one JSON line") { data, model, repeat };
        pos.SetAction(parsed => RunPos(context, parsed.GetValue(data)!, parsed.GetValue(model), parsed.GetValue(repeat)));
        return pos;
    }

    private static int Run(CliContext context, string dataPath, string? modelPath, int passes, bool ruleSegmenter)
    {
        var culture = CultureInfo.InvariantCulture;
        try
        {
            var model = modelPath is null ? NlpModel.Require() : NlpModel.Load(modelPath);
            var gold = ConlluReader.ReadFile(dataPath);
            context.Error.WriteLine($"model {model.Path} loaded in {model.LoadTime.TotalSeconds:F2}s; {gold.Count:N0} sentences in {dataPath}");
            var result = UdEvaluation.Run(model, gold, passes, context.Error, ruleSegmenter);
            var o = context.Out;
            o.WriteLine($"{Path.GetFileName(dataPath)}: {gold.Count:N0} sentences, {result.Words:N0} words");
            PrintTable(o, ruleSegmenter ? "From raw text (the baseline rule tokenizer and splitter)" : "From raw text (Parley's tokenizer and sentence splitter)", result.Raw);
            PrintTable(o, "From gold tokens and sentences", result.GoldTokens);
            o.WriteLine();
            o.WriteLine(string.Create(culture, $"Speed, raw text (tokenize + split + tag + features + lemmatize + parse), one thread: {result.TokensPerCpuSecond:N0} words per CPU second; {result.TokensPerSecond:N0} words/s wall-clock (first, cold pass {result.FirstPassTokensPerSecond:N0})"));
            o.WriteLine(string.Create(culture, $"Speed, gold tokens (tag + features + lemmatize + parse), single pass: {result.GoldTokensTagParsePerSecond:N0} words/s"));
            o.WriteLine(string.Create(culture, $"Model load: {result.LoadTime.TotalSeconds:F2} s wall-clock, {result.LoadCpuTime.TotalSeconds:F2} s CPU; peak memory (working set): {result.PeakMegabytes:F0} MiB"));
            var json = new JsonObject
            {
                ["raw"] = Metrics(result.Raw),
                ["gold_tok"] = Metrics(result.GoldTokens),
                ["tokens_per_s"] = Math.Round(result.TokensPerCpuSecond),
                ["peak_mb"] = Math.Round(result.PeakMegabytes, 1),
            };
            o.WriteLine(json.ToJsonString());
            return ParleyCli.ExitOk;
        }
        catch (ParleyException e)
        {
            context.Error.WriteLine($"parley: {e.Message}");
            return ParleyCli.ExitSomeFailed;
        }
    }

    private static int RunPos(CliContext context, string dataPath, string? modelPath, int repeat)
    {
        try
        {
            var model = modelPath is null ? NlpModel.Require() : NlpModel.Load(modelPath);
            var gold = ConlluReader.ReadFile(dataPath);
            var (accuracy, words, wall, cpu) = UdEvaluation.TagOnly(model, gold, repeat);
            var json = new JsonObject
            {
                ["upos_accuracy"] = Math.Round(accuracy, 6),
                ["tokens_per_s"] = Math.Round(wall),
                ["tokens_per_cpu_s"] = Math.Round(cpu),
                ["test_tokens"] = words,
                ["repeat"] = repeat,
                ["model_load_s"] = Math.Round(model.LoadTime.TotalSeconds, 3),
                ["model_load_cpu_s"] = Math.Round(model.LoadCpuTime.TotalSeconds, 3),
            };
            context.Out.WriteLine(json.ToJsonString());
            return ParleyCli.ExitOk;
        }
        catch (ParleyException e)
        {
            context.Error.WriteLine($"parley: {e.Message}");
            return ParleyCli.ExitSomeFailed;
        }
    }

    private static JsonObject Metrics(Dictionary<string, UdScore> scores)
    {
        var o = new JsonObject();
        foreach (var name in JsonMetrics)
        {
            o[name.ToLowerInvariant()] = Math.Round(100 * scores[name].F1, 2);
        }

        return o;
    }

    private static void PrintTable(TextWriter o, string title, Dictionary<string, UdScore> scores)
    {
        o.WriteLine();
        o.WriteLine(title);
        o.WriteLine("Metric     | Precision |    Recall |  F1 Score | AligndAcc");
        o.WriteLine("-----------+-----------+-----------+-----------+-----------");
        foreach (var name in UdScorer.MetricNames)
        {
            var s = scores[name];
            string aligned = s.AlignedAccuracy is { } a ? (100 * a).ToString("F2", CultureInfo.InvariantCulture).PadLeft(10) : "";
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-11}|{100 * s.Precision,10:F2} |{100 * s.Recall,10:F2} |{100 * s.F1,10:F2} |{aligned}"));
        }
    }
}
