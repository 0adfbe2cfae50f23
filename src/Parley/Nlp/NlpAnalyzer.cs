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
    public static void Analyze(NlpModel model, NlpScratch scratch, bool lemmas = true, bool parse = true)
    {
        var s = scratch.Sentence;
        s.ComputeHashes();
        model.Tagger.Tag(s, scratch.Features, scratch.Scores);
        if (lemmas)
        {
            model.Lemmatizer.Lemmatize(s, scratch.Features, scratch.Scores, scratch.Allowed);
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

            model.Parser.Parse(s, scratch.State, scratch.Work, scratch.Punct);
        }
    }
}
