using Parley.Nlp.Learning;

namespace Parley.Nlp.Parsing;

/// <summary>
/// A greedy arc-eager dependency parser with labelled transitions, scored by averaged-perceptron weights.
/// Every sentence gets exactly one root: the virtual root takes one dependent, and words left without a
/// head at the end attach to that root word.
/// </summary>
internal sealed class ArcEagerParser
{
    public const int Shift = 0;
    public const int Reduce = 1;

    private readonly SparseModel _model;

    public ArcEagerParser(LabelSet labels, SparseModel model)
    {
        Labels = labels;
        _model = model;
        RootLabel = Math.Max(0, labels.IndexOf("root"));
        PunctLabel = labels.IndexOf("punct");
        FallbackLabel = labels.IndexOf("parataxis") is int p and >= 0 ? p : RootLabel;
    }

    public LabelSet Labels { get; }

    public int RootLabel { get; }

    public int PunctLabel { get; }

    public int FallbackLabel { get; }

    public int FeatureCount => _model.FeatureCount;

    public static int ClassCount(int labels) => 2 + 2 * labels;

    public int LeftArc(int label) => 2 + label;

    public int RightArc(int label) => 2 + Labels.Count + label;

    /// <summary>Parses a tagged sentence; fills <see cref="NlpSentence.Heads"/> and <see cref="NlpSentence.Rels"/>.</summary>
    public void Parse(NlpSentence s, ParserState st, ParserWork work, bool[] isPunct)
    {
        int n = s.Count;
        work.Prepare(s);
        st.Reset(n);
        var scores = work.Scores.AsSpan(0, _model.Classes);
        while (!st.Terminal)
        {
            work.Features.Clear();
            ParserFeatures.Extract(st, work.Words, work.Tags, work.Features);
            scores.Clear();
            _model.Score(work.Features.Span, scores);
            int best = BestValid(st, scores, Labels.Count, RootLabel);
            Apply(st, best, Labels.Count);
        }

        Finish(st, s, isPunct);
    }

    /// <summary>The highest-scoring transition allowed in this configuration.</summary>
    internal static int BestValid<T>(ParserState st, ReadOnlySpan<T> scores, int labels, int rootLabel)
        where T : struct, System.Numerics.INumber<T>
    {
        int s0 = st.S0;
        bool s0Root = s0 == st.Root;
        bool hasHead = !s0Root && st.Head[s0] != ParserState.NoHead;
        int best = Shift;
        T bestScore = scores[Shift];
        if (hasHead && scores[Reduce] > bestScore)
        {
            best = Reduce;
            bestScore = scores[Reduce];
        }

        if (!s0Root && !hasHead)
        {
            BestInRange(scores, 2, 2 + labels, 2 + rootLabel, ref best, ref bestScore);
        }

        if (!s0Root)
        {
            BestInRange(scores, 2 + labels, 2 + 2 * labels, 2 + labels + rootLabel, ref best, ref bestScore);
        }
        else if (st.RootChildren == 0)
        {
            int t = 2 + labels + rootLabel;
            if (scores[t] > bestScore)
            {
                best = t;
            }
        }

        return best;
    }

    /// <summary>The best transition in [from, to) other than <paramref name="skip"/>, if it beats the best so far.</summary>
    private static void BestInRange<T>(ReadOnlySpan<T> scores, int from, int to, int skip, ref int best, ref T bestScore)
        where T : struct, System.Numerics.INumber<T>
    {
        for (int t = from; t < to; t++)
        {
            if (scores[t] > bestScore && t != skip)
            {
                best = t;
                bestScore = scores[t];
            }
        }
    }

    internal static void Apply(ParserState st, int transition, int labels)
    {
        if (transition == Shift)
        {
            st.Shift();
        }
        else if (transition == Reduce)
        {
            st.Reduce();
        }
        else if (transition < 2 + labels)
        {
            st.LeftArc(transition - 2);
        }
        else
        {
            st.RightArc(transition - 2 - labels);
        }
    }

    /// <summary>Gives every word a head: words left on the stack attach to the root word.</summary>
    private void Finish(ParserState st, NlpSentence s, bool[] isPunct)
    {
        int n = st.N;
        int root = -1;
        for (int i = 0; i < n; i++)
        {
            if (st.Head[i] == n)
            {
                root = i;
                break;
            }
        }

        if (root < 0)
        {
            for (int i = 0; i < n; i++)
            {
                if (st.Head[i] == ParserState.NoHead && !isPunct[i])
                {
                    root = i;
                    break;
                }
            }

            if (root < 0)
            {
                root = 0;
            }

            st.Head[root] = n;
            st.Label[root] = RootLabel;
        }

        for (int i = 0; i < n; i++)
        {
            if (st.Head[i] == ParserState.NoHead || (st.Head[i] == n && i != root))
            {
                st.Head[i] = root;
                st.Label[i] = isPunct[i] && PunctLabel >= 0 ? PunctLabel : FallbackLabel;
            }

            s.Heads[i] = st.Head[i] == n ? -1 : st.Head[i];
            s.Rels[i] = st.Label[i];
        }
    }

    public void Write(BinaryWriter writer)
    {
        Labels.Write(writer);
        _model.Write(writer);
    }

    public static ArcEagerParser Read(BinaryReader reader)
    {
        var labels = LabelSet.Read(reader);
        var model = SparseModel.Read(reader);
        if (model.Classes != ClassCount(labels.Count) || labels.Count > 64)
        {
            throw new ParleyException(ErrorCode.ModelFormat, "the parser's weights do not match its labels; the model file is damaged");
        }

        return new ArcEagerParser(labels, model);
    }
}

/// <summary>Scratch arrays for parsing one sentence.</summary>
internal sealed class ParserWork
{
    public uint[] Words = new uint[64];
    public uint[] Tags = new uint[64];
    public int[] Scores = new int[256];
    public FeatureBuffer Features = new();

    public void Prepare(NlpSentence s)
    {
        if (Words.Length < s.Count)
        {
            Words = new uint[s.Count * 2];
            Tags = new uint[s.Count * 2];
        }

        for (int i = 0; i < s.Count; i++)
        {
            Words[i] = s.Hashes[i].Lower;
            Tags[i] = (uint)s.Tags[i] + 1;
        }
    }

    public void Prepare(WordHashes[] hashes, int[] tags, int n)
    {
        if (Words.Length < n)
        {
            Words = new uint[n * 2];
            Tags = new uint[n * 2];
        }

        for (int i = 0; i < n; i++)
        {
            Words[i] = hashes[i].Lower;
            Tags[i] = (uint)tags[i] + 1;
        }
    }
}
