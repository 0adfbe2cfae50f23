using Parley.Documents;
using Parley.Nlp.Learning;

namespace Parley.Nlp.Tagging;

/// <summary>
/// Greedy left-to-right averaged-perceptron tagger. Each class is a UPOS+XPOS pair, so the two tag sets
/// always agree; morphological features are then chosen among those seen with the tag in training.
/// </summary>
internal sealed class PosTagger
{
    private readonly SparseModel _tagModel;
    private readonly SparseModel? _secondModel;
    private readonly SparseModel _featsModel;
    private readonly int[][] _featsAllowed;

    public PosTagger(LabelSet tags, LabelSet feats, SparseModel tagModel, SparseModel? secondModel, SparseModel featsModel, int[][] featsAllowed)
    {
        _secondModel = secondModel;
        Tags = tags;
        FeatsLabels = feats;
        _tagModel = tagModel;
        _featsModel = featsModel;
        _featsAllowed = featsAllowed;
        Upos = new UPos[tags.Count];
        Xpos = new string[tags.Count];
        for (int t = 0; t < tags.Count; t++)
        {
            var parts = tags[t].Split('\t');
            Upos[t] = Enum.TryParse<UPos>(parts[0], out var u) ? u : UPos.X;
            Xpos[t] = parts.Length > 1 ? parts[1] : "_";
        }
    }

    /// <summary>Each class: "UPOS\tXPOS".</summary>
    public LabelSet Tags { get; }

    public LabelSet FeatsLabels { get; }

    public UPos[] Upos { get; }

    public string[] Xpos { get; }

    public int FeatureCount => _tagModel.FeatureCount + (_secondModel?.FeatureCount ?? 0) + _featsModel.FeatureCount;

    public bool TwoPass => _secondModel is not null;

    /// <summary>Tags every word of the sentence and chooses its features.</summary>
    public void Tag(NlpSentence s, FeatureBuffer features, int[] scores)
    {
        int n = s.Count;
        var scoreSpan = scores.AsSpan(0, _tagModel.Classes);
        for (int i = 0; i < n; i++)
        {
            features.Clear();
            TagFeatures(s.Hashes, s.FirstTags, i, n, features);
            scoreSpan.Clear();
            _tagModel.Score(features.Span, scoreSpan);
            s.FirstTags[i] = SparseModel.ArgMax(scoreSpan, default);
        }

        if (_secondModel is null)
        {
            Array.Copy(s.FirstTags, s.Tags, n);
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                features.Clear();
                TagFeatures(s.Hashes, s.Tags, i, n, features);
                RightFeatures(s.Hashes, s.Tags, s.FirstTags, i, n, features);
                scoreSpan.Clear();
                _secondModel.Score(features.Span, scoreSpan);
                s.Tags[i] = SparseModel.ArgMax(scoreSpan, default);
            }
        }

        for (int i = 0; i < n; i++)
        {
            s.Feats[i] = ChooseFeats(s.Hashes, s.Tags, i, n, features, scores);
        }
    }

    private int ChooseFeats(WordHashes[] h, int[] tags, int i, int n, FeatureBuffer features, int[] scores)
    {
        var allowed = _featsAllowed[tags[i]];
        if (allowed.Length == 1)
        {
            return allowed[0];
        }

        features.Clear();
        FeatsFeatures(h, tags, i, n, features);
        var span = scores.AsSpan(0, _featsModel.Classes);
        span.Clear();
        _featsModel.Score(features.Span, span);
        return SparseModel.ArgMax(span, allowed);
    }

    private static uint At(WordHashes[] h, int i, int n, int offset) => (uint)(i + offset) < (uint)n ? h[i + offset].Lower : (offset < 0 ? 0x5A17u : 0xE05u);

    internal static void TagFeatures(WordHashes[] h, int[] tags, int i, int n, FeatureBuffer f)
    {
        ref readonly var w = ref h[i];
        uint p1 = At(h, i, n, -1), p2 = At(h, i, n, -2), n1 = At(h, i, n, 1), n2 = At(h, i, n, 2);
        uint t1 = i > 0 ? (uint)tags[i - 1] + 1 : 0, t2 = i > 1 ? (uint)tags[i - 2] + 1 : 0;
        f.Add(FeatureHash.Feature(1, 1));
        f.Add(2, w.Lower);
        f.Add(3, w.Form);
        f.Add(4, w.Suffix1);
        f.Add(5, w.Suffix2);
        f.Add(6, w.Suffix3);
        f.Add(7, w.Suffix4);
        f.Add(8, w.Suffix5);
        f.Add(9, w.Prefix1);
        f.Add(10, w.Prefix2);
        f.Add(11, w.Prefix3);
        f.Add(12, w.Shape);
        f.Add(13, w.Flags, i == 0 ? 1u : 0u);
        f.Add(14, p1);
        f.Add(15, p2);
        f.Add(16, n1);
        f.Add(17, n2);
        f.Add(18, i > 0 ? h[i - 1].Suffix3 : 0);
        f.Add(19, i + 1 < n ? h[i + 1].Suffix3 : 0);
        f.Add(20, i > 0 ? h[i - 1].Shape : 0);
        f.Add(21, i + 1 < n ? h[i + 1].Shape : 0);
        f.Add(22, t1);
        f.Add(23, t2);
        f.Add(24, t1, t2);
        f.Add(25, t1, w.Lower);
        f.Add(26, w.Lower, n1);
        f.Add(27, p1, w.Lower);
        f.Add(28, t1, n1);
        f.Add(29, t1, w.Suffix3);
        f.Add(30, i + 1 < n ? h[i + 1].Suffix2 : 0, w.Suffix3);
        f.Add(31, w.Shape, t1);
        f.Add(32, p1, n1);
        f.Add(33, n1, n2);
        f.Add(34, p2, p1);
        f.Add(35, i + 1 < n ? h[i + 1].Form : 0);
        f.Add(36, w.Lower, t2);
        f.Add(37, i + 1 < n ? h[i + 1].Flags : 0, w.Flags);
    }

    /// <summary>What the second pass adds: the first pass's tags of this word and the two to its right.</summary>
    internal static void RightFeatures(WordHashes[] h, int[] tags, int[] first, int i, int n, FeatureBuffer f)
    {
        uint r1 = i + 1 < n ? (uint)first[i + 1] + 1 : 0, r2 = i + 2 < n ? (uint)first[i + 2] + 1 : 0;
        uint t1 = i > 0 ? (uint)tags[i - 1] + 1 : 0;
        uint own = (uint)first[i] + 1;
        f.Add(40, r1);
        f.Add(41, r2);
        f.Add(42, r1, r2);
        f.Add(43, t1, r1);
        f.Add(44, r1, h[i].Lower);
        f.Add(45, own);
        f.Add(46, own, h[i].Suffix3);
        f.Add(47, t1, own, r1);
    }

    internal static void FeatsFeatures(WordHashes[] h, int[] tags, int i, int n, FeatureBuffer f)
    {
        ref readonly var w = ref h[i];
        uint tag = (uint)tags[i] + 1;
        f.Add(101, tag);
        f.Add(102, tag, w.Lower);
        f.Add(103, tag, w.Suffix1);
        f.Add(104, tag, w.Suffix2);
        f.Add(105, tag, w.Suffix3);
        f.Add(106, tag, At(h, i, n, -1));
        f.Add(107, tag, At(h, i, n, 1));
        f.Add(108, tag, i > 0 ? (uint)tags[i - 1] + 1 : 0);
        f.Add(109, tag, i + 1 < n ? (uint)tags[i + 1] + 1 : 0);
        f.Add(110, tag, w.Shape);
    }

    public void Write(BinaryWriter writer)
    {
        Tags.Write(writer);
        FeatsLabels.Write(writer);
        writer.Write(_featsAllowed.Length);
        foreach (var allowed in _featsAllowed)
        {
            writer.Write(allowed.Length);
            foreach (int a in allowed)
            {
                writer.Write(a);
            }
        }

        _tagModel.Write(writer);
        writer.Write(_secondModel is not null);
        _secondModel?.Write(writer);
        _featsModel.Write(writer);
    }

    public static PosTagger Read(BinaryReader reader)
    {
        var tags = LabelSet.Read(reader);
        var feats = LabelSet.Read(reader);
        int n = reader.ReadInt32();
        if (n != tags.Count)
        {
            throw new ParleyException(ErrorCode.ModelFormat, "the tagger's feature lists do not match its tags; the model file is damaged");
        }

        var allowed = new int[n][];
        for (int t = 0; t < n; t++)
        {
            int k = reader.ReadInt32();
            if (k <= 0 || k > feats.Count)
            {
                throw new ParleyException(ErrorCode.ModelFormat, "the tagger's feature lists are damaged");
            }

            allowed[t] = new int[k];
            for (int j = 0; j < k; j++)
            {
                int a = reader.ReadInt32();
                if ((uint)a >= (uint)feats.Count)
                {
                    throw new ParleyException(ErrorCode.ModelFormat, "the tagger's feature lists are damaged");
                }

                allowed[t][j] = a;
            }
        }

        var tagModel = SparseModel.Read(reader);
        var secondModel = reader.ReadBoolean() ? SparseModel.Read(reader) : null;
        var featsModel = SparseModel.Read(reader);
        if (tagModel.Classes != tags.Count || featsModel.Classes != feats.Count || (secondModel is not null && secondModel.Classes != tags.Count))
        {
            throw new ParleyException(ErrorCode.ModelFormat, "the tagger's weights do not match its labels; the model file is damaged");
        }

        return new PosTagger(tags, feats, tagModel, secondModel, featsModel, allowed);
    }
}
