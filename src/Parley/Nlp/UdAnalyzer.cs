using Parley.Documents;
using Parley.Pipeline;

namespace Parley.Nlp;

/// <summary>
/// Part-of-speech tags (UPOS and PTB XPOS), morphological features, lemmas and labelled dependencies
/// (UD relations) for every sentence, from the trained model.
/// </summary>
public sealed class UdAnalyzer : IDocumentComponent
{
    /// <summary>
    /// Longest sentence parsed whole, in words; a longer one (only another segmenter makes them) is analysed in
    /// pieces of this size, each piece's root hanging from the first piece's root, so time stays linear.
    /// </summary>
    public const int MaxSentenceWords = 400;

    private readonly NlpModel _model;

    public UdAnalyzer(NlpModel model)
    {
        _model = model;
    }

    public string Name => "ud-analyzer";

    public IReadOnlyList<string> Requires { get; } = [Layer.Sentences, Layer.Tokens];

    public IReadOnlyList<string> Assigns { get; } = [Layer.Tags, Layer.Morphology, Layer.Lemmas, Layer.Dependencies];

    public void Process(NewsDocument document)
    {
        var scratch = new NlpScratch(_model);
        var items = document.Tokens.Items;
        string text = document.Text;
        foreach (var sentence in document.Sentences)
        {
            int root = -1;
            for (int first = sentence.FirstToken; first < sentence.EndToken; first += MaxSentenceWords)
            {
                int count = Math.Min(MaxSentenceWords, sentence.EndToken - first);
                AnalyzePiece(scratch, items, text, first, count, ref root);
            }
        }
    }

    private void AnalyzePiece(NlpScratch scratch, TokenData[] items, string text, int first, int count, ref int root)
    {
        var s = scratch.Sentence;
        s.Reset(count);
        for (int i = 0; i < count; i++)
        {
            ref readonly var t = ref items[first + i];
            s.Forms[i] = t.Form ?? text.Substring(t.Start, t.Length);
        }

        NlpAnalyzer.Analyze(_model, scratch);
        var tagger = _model.Tagger;
        var feats = tagger.FeatsLabels;
        var relations = _model.Parser.Labels;
        for (int i = 0; i < count; i++)
        {
            ref var t = ref items[first + i];
            int tag = s.Tags[i];
            t.Upos = tagger.Upos[tag];
            t.Xpos = tagger.Xpos[tag];
            string f = feats[s.Feats[i]];
            t.Feats = f == "_" ? null : f;
            t.Lemma = s.Lemmas[i];
            t.Head = s.Heads[i] < 0 ? -1 : first + s.Heads[i];
            t.DepRel = relations[s.Rels[i]];
            if (t.Head == -1)
            {
                if (root < 0)
                {
                    root = first + i;
                }
                else
                {
                    t.Head = root;
                    t.DepRel = "parataxis";
                }
            }
        }
    }
}
