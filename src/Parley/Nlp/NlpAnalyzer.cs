using Parley.Nlp.Learning;
using Parley.Nlp.Parsing;

namespace Parley.Nlp;

/// <summary>Per-thread scratch space for analysing sentences; cheap to create, reused between sentences.</summary>
internal sealed class NlpScratch
{
    public NlpScratch(NlpModel model)
    {
        int classes = Math.Max(Math.Max(model.Tagger.Tags.Count, model.Tagger.FeatsLabels.Count), Math.Max(model.Lemmatizer.Scripts.Count,
            ArcEagerParser.ClassCount(model.Parser.Labels.Count)));
        Scores = new int[classes];
        Work.Scores = new int[classes];
    }

    public NlpSentence Sentence { get; } = new();

    public FeatureBuffer Features { get; } = new();

    public int[] Scores { get; }

    public List<int> Allowed { get; } = [];

    public ParserState State { get; } = new();

    public ParserWork Work { get; } = new();

    public bool[] Punct { get; set; } = new bool[64];
}

/// <summary>Runs tagger, lemmatizer and parser over one sentence whose forms are set.</summary>
internal static class NlpAnalyzer
{
    /// <summary>Time spent in tagging, lemmatising and parsing since the process started (stopwatch ticks), for benchmarks.</summary>
    private static readonly long[] StageTicks = new long[3];

    public static (TimeSpan Tagging, TimeSpan Lemmatizing, TimeSpan Parsing) StageTimes() =>
        (System.Diagnostics.Stopwatch.GetElapsedTime(0, Volatile.Read(ref StageTicks[0])),
         System.Diagnostics.Stopwatch.GetElapsedTime(0, Volatile.Read(ref StageTicks[1])),
         System.Diagnostics.Stopwatch.GetElapsedTime(0, Volatile.Read(ref StageTicks[2])));

    public static void Analyze(NlpModel model, NlpScratch scratch, bool lemmas = true, bool parse = true)
    {
        var s = scratch.Sentence;
        long t0 = System.Diagnostics.Stopwatch.GetTimestamp();
        s.ComputeHashes();
        model.Tagger.Tag(s, scratch.Features, scratch.Scores);
        long t1 = System.Diagnostics.Stopwatch.GetTimestamp();
        Interlocked.Add(ref StageTicks[0], t1 - t0);
        if (lemmas)
        {
            model.Lemmatizer.Lemmatize(s, scratch.Features, scratch.Scores, scratch.Allowed);
            Interlocked.Add(ref StageTicks[1], System.Diagnostics.Stopwatch.GetTimestamp() - t1);
        }

        if (parse)
        {
            if (scratch.Punct.Length < s.Count)
            {
                scratch.Punct = new bool[s.Count * 2];
            }

            for (int i = 0; i < s.Count; i++)
            {
                scratch.Punct[i] = model.Tagger.Upos[s.Tags[i]] == Documents.UPos.PUNCT;
            }

            long t2 = System.Diagnostics.Stopwatch.GetTimestamp();
            model.Parser.Parse(s, scratch.State, scratch.Work, scratch.Punct);
            Interlocked.Add(ref StageTicks[2], System.Diagnostics.Stopwatch.GetTimestamp() - t2);
        }
    }
}
