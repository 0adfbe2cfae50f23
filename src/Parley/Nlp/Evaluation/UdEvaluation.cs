using System.Diagnostics;
using Parley.Documents;
using Parley.Nlp.Conllu;
using Parley.Nlp.Tokenization;

namespace Parley.Nlp.Evaluation;

/// <summary>The outcome of <see cref="UdEvaluation.Run"/>.</summary>
public sealed record UdEvaluationResult(
    Dictionary<string, UdScore> Raw,
    Dictionary<string, UdScore> GoldTokens,
    int Words,
    double TokensPerSecond,
    double TokensPerCpuSecond,
    double FirstPassTokensPerSecond,
    double GoldTokensTagParsePerSecond,
    double PeakMegabytes,
    TimeSpan LoadTime,
    TimeSpan LoadCpuTime);

/// <summary>
/// Scores the NLP model on a UD file twice: from the raw text (tokenizer and splitter included) and from
/// the gold tokens and sentences; and times the raw-text analysis.
/// </summary>
public static class UdEvaluation
{
    /// <summary>Runs the evaluation; <paramref name="ruleSegmenter"/> swaps in the baseline rule tokenizer and splitter for comparison.</summary>
    public static UdEvaluationResult Run(NlpModel model, IReadOnlyList<ConlluSentence> gold, int passes, TextWriter? log = null, bool ruleSegmenter = false)
    {
        var documents = BuildDocuments(gold);
        Pipeline.IDocumentComponent segmenter = ruleSegmenter ? new RuleSegmenter() : new LearnedSegmenter(model);
        var analyzer = new UdAnalyzer(model);
        int words = gold.Sum(s => s.Words.Count);

        List<ConlluSentence> system = [];
        var times = new List<double>();
        var cpuTimes = new List<double>();
        using var self = Process.GetCurrentProcess();
        for (int pass = 0; pass < Math.Max(1, passes); pass++)
        {
            var analysed = new List<NewsDocument>(documents.Count);
            foreach (var (text, paragraphs) in documents)
            {
                analysed.Add(MakeDocument(text, paragraphs));
            }

            self.Refresh();
            var cpu0 = self.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            long segmenting = 0;
            var before = NlpAnalyzer.StageTimes();
            foreach (var document in analysed)
            {
                long t0 = Stopwatch.GetTimestamp();
                segmenter.Process(document);
                segmenting += Stopwatch.GetTimestamp() - t0;
                analyzer.Process(document);
            }

            var after = NlpAnalyzer.StageTimes();
            log?.WriteLine($"  time: segmenting {Stopwatch.GetElapsedTime(0, segmenting).TotalSeconds:F2}s, tagging {(after.Tagging - before.Tagging).TotalSeconds:F2}s, " +
                           $"lemmatizing {(after.Lemmatizing - before.Lemmatizing).TotalSeconds:F2}s, parsing {(after.Parsing - before.Parsing).TotalSeconds:F2}s");

            times.Add(watch.Elapsed.TotalSeconds);
            self.Refresh();
            cpuTimes.Add((self.TotalProcessorTime - cpu0).TotalSeconds);
            log?.WriteLine($"raw-text pass {pass + 1}: {words / times[^1]:N0} words/s wall-clock, {words / cpuTimes[^1]:N0} words per CPU second");
            if (pass == 0)
            {
                int n = 0;
                foreach (var document in analysed)
                {
                    system.AddRange(DocumentConllu.ToSentences(document, "d" + (++n).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
            }
        }

        var raw = UdScorer.Evaluate(gold, system);
        var goldWatch = Stopwatch.StartNew();
        var goldTokenised = AnalyzeGoldTokens(model, gold);
        double goldSpeed = words / goldWatch.Elapsed.TotalSeconds;
        var goldScores = UdScorer.Evaluate(gold, goldTokenised);
        double warm = Median(times), warmCpu = Median(cpuTimes);
        self.Refresh();
        return new UdEvaluationResult(raw, goldScores, words, words / warm, words / warmCpu, words / times[0], goldSpeed,
            self.PeakWorkingSet64 / (1024.0 * 1024.0), model.LoadTime, model.LoadCpuTime);
    }

    /// <summary>The median of the passes after the first (which includes compiling the code), or the only pass.</summary>
    private static double Median(List<double> passes)
    {
        if (passes.Count == 1)
        {
            return passes[0];
        }

        var warm = passes.Skip(1).Order().ToList();
        return warm[(warm.Count - 1) / 2];
    }

    /// <summary>The treebank's raw text, one document per "# newdoc", paragraphs separated by a blank line.</summary>
    internal static List<(string Text, List<TextSpan> Paragraphs)> BuildDocuments(IReadOnlyList<ConlluSentence> gold)
    {
        var result = new List<(string, List<TextSpan>)>();
        var text = new System.Text.StringBuilder();
        var spans = new List<TextSpan>();
        foreach (var paragraph in RawParagraphs.Build(gold))
        {
            if (paragraph.Sentences[0].NewDocument && spans.Count > 0)
            {
                result.Add((text.ToString(), spans));
                text.Clear();
                spans = [];
            }

            if (spans.Count > 0)
            {
                text.Append("\n\n");
            }

            spans.Add(new TextSpan(text.Length, paragraph.Text.Length));
            text.Append(paragraph.Text);
        }

        if (spans.Count > 0)
        {
            result.Add((text.ToString(), spans));
        }

        return result;
    }

    private static NewsDocument MakeDocument(string text, List<TextSpan> paragraphs)
    {
        var document = new NewsDocument(text);
        document.Sections.Add(new Section { Paragraphs = [.. paragraphs] });
        return document;
    }

    /// <summary>
    /// UPOS accuracy of the tagger alone on gold words, and its speed over <paramref name="repeat"/> passes
    /// (the first pass warms up and is not timed): wall-clock and per CPU second.
    /// </summary>
    public static (double UposAccuracy, int Words, double WordsPerSecond, double WordsPerCpuSecond) TagOnly(NlpModel model, IReadOnlyList<ConlluSentence> gold, int repeat)
    {
        var scratch = new NlpScratch(model);
        var s = scratch.Sentence;
        int correct = 0, words = 0;
        double wall = 0, cpu = 0;
        using var self = Process.GetCurrentProcess();
        for (int pass = 0; pass < Math.Max(2, repeat); pass++)
        {
            self.Refresh();
            var cpu0 = self.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            foreach (var g in gold)
            {
                s.Reset(g.Words.Count);
                for (int i = 0; i < g.Words.Count; i++)
                {
                    s.Forms[i] = g.Words[i].Form;
                }

                s.ComputeHashes();
                model.Tagger.Tag(s, scratch.Features, scratch.Scores);
                if (pass == 0)
                {
                    for (int i = 0; i < g.Words.Count; i++)
                    {
                        correct += model.Tagger.Upos[s.Tags[i]].ToString() == g.Words[i].Upos ? 1 : 0;
                        words++;
                    }
                }
            }

            self.Refresh();
            if (pass > 0)
            {
                wall += watch.Elapsed.TotalSeconds;
                cpu += (self.TotalProcessorTime - cpu0).TotalSeconds;
            }
        }

        int timed = words * (Math.Max(2, repeat) - 1);
        return ((double)correct / Math.Max(1, words), words, timed / wall, timed / cpu);
    }

    /// <summary>Tags, lemmatises and parses the gold words of each sentence.</summary>
    public static List<ConlluSentence> AnalyzeGoldTokens(NlpModel model, IReadOnlyList<ConlluSentence> gold)
    {
        var scratch = new NlpScratch(model);
        var result = new List<ConlluSentence>(gold.Count);
        var tagger = model.Tagger;
        foreach (var g in gold)
        {
            var s = scratch.Sentence;
            s.Reset(g.Words.Count);
            for (int i = 0; i < g.Words.Count; i++)
            {
                s.Forms[i] = g.Words[i].Form;
            }

            NlpAnalyzer.Analyze(model, scratch);
            var output = new ConlluSentence { SentId = g.SentId, Text = g.Text };
            for (int i = 0; i < g.Words.Count; i++)
            {
                int tag = s.Tags[i];
                output.Words.Add(new ConlluWord
                {
                    Form = g.Words[i].Form,
                    Lemma = s.Lemmas[i] ?? "_",
                    Upos = tagger.Upos[tag].ToString(),
                    Xpos = tagger.Xpos[tag],
                    Feats = tagger.FeatsLabels[s.Feats[i]],
                    Head = s.Heads[i] + 1,
                    DepRel = model.Parser.Labels[s.Rels[i]],
                    SpaceAfter = g.Words[i].SpaceAfter,
                });
            }

            output.Multiwords.AddRange(g.Multiwords);
            result.Add(output);
        }

        return result;
    }
}
