namespace Parley.Entities.Ner;

/// <summary>Precision, recall and F1 of predicted spans against gold spans (exact match of start, end and type).</summary>
public sealed class NerScore
{
    private readonly Dictionary<string, (int Tp, int Fp, int Fn)> _byType = new(StringComparer.Ordinal);

    public int Tokens { get; private set; }

    public void Add(IReadOnlyList<NerSpan> gold, IReadOnlyList<NerSpan> predicted, int tokens)
    {
        Tokens += tokens;
        var goldSet = new HashSet<NerSpan>(gold);
        foreach (var p in predicted)
        {
            var c = _byType.GetValueOrDefault(p.Type);
            _byType[p.Type] = goldSet.Contains(p) ? (c.Tp + 1, c.Fp, c.Fn) : (c.Tp, c.Fp + 1, c.Fn);
        }

        var predictedSet = new HashSet<NerSpan>(predicted);
        foreach (var g in gold)
        {
            if (!predictedSet.Contains(g))
            {
                var c = _byType.GetValueOrDefault(g.Type);
                _byType[g.Type] = (c.Tp, c.Fp, c.Fn + 1);
            }
        }
    }

    public IEnumerable<string> Types => _byType.Keys.Order(StringComparer.Ordinal);

    public Prf For(string type) => Prf.Of(_byType.GetValueOrDefault(type));

    public Prf Overall
    {
        get
        {
            int tp = 0, fp = 0, fn = 0;
            foreach (var (a, b, c) in _byType.Values)
            {
                tp += a;
                fp += b;
                fn += c;
            }

            return Prf.Of((tp, fp, fn));
        }
    }

    /// <summary>Scores the model on sentences; consecutive sentences of one source document are tagged together, as in the pipeline.</summary>
    public static NerScore Evaluate(NerModel model, IReadOnlyList<NerSentence> sentences, bool byDocument = true)
    {
        var score = new NerScore();
        for (int i = 0; i < sentences.Count;)
        {
            int j = i + 1;
            while (byDocument && j < sentences.Count && sentences[j].Source == sentences[i].Source)
            {
                j++;
            }

            var group = new List<IReadOnlyList<string>>();
            for (int k = i; k < j; k++)
            {
                group.Add(sentences[k].Words);
            }

            var predicted = model.PredictDocument(group);
            for (int k = i; k < j; k++)
            {
                score.Add(sentences[k].Spans.FindAll(g => g.Type != NerModel.HelperType), predicted[k - i], sentences[k].Words.Length);
            }

            i = j;
        }

        return score;
    }
}

public readonly record struct Prf(double Precision, double Recall, double F1, int Gold, int Predicted, int Correct)
{
    public static Prf Of((int Tp, int Fp, int Fn) c)
    {
        double p = c.Tp + c.Fp == 0 ? 0 : (double)c.Tp / (c.Tp + c.Fp);
        double r = c.Tp + c.Fn == 0 ? 0 : (double)c.Tp / (c.Tp + c.Fn);
        return new Prf(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), c.Tp + c.Fn, c.Tp + c.Fp, c.Tp);
    }
}
