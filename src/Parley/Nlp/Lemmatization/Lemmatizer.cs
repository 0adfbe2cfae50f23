using Parley.Nlp.Learning;

namespace Parley.Nlp.Lemmatization;

/// <summary>
/// Lemmas: a lexicon of (word, tag) pairs seen in training answers for known words; an averaged-perceptron
/// classifier chooses an edit script for the others, among the scripts that fit the word's ending.
/// </summary>
internal sealed class Lemmatizer
{
    private readonly Dictionary<(string Form, int Tag), string> _lexicon;
    private readonly EditScript[] _scripts;
    private readonly Dictionary<string, int[]> _scriptsByStrip;
    private readonly int _maxStrip;
    private readonly SparseModel _model;

    public Lemmatizer(Dictionary<(string Form, int Tag), string> lexicon, LabelSet scripts, SparseModel model)
    {
        _lexicon = lexicon;
        Scripts = scripts;
        _model = model;
        _scripts = new EditScript[scripts.Count];
        var byStrip = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < scripts.Count; i++)
        {
            var script = EditScript.Parse(scripts[i]);
            _scripts[i] = script;
            string key = script.Strip.ToLowerInvariant();
            if (!byStrip.TryGetValue(key, out var list))
            {
                byStrip[key] = list = [];
            }

            list.Add(i);
            _maxStrip = Math.Max(_maxStrip, key.Length);
        }

        _scriptsByStrip = byStrip.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    public LabelSet Scripts { get; }

    public int LexiconSize => _lexicon.Count;

    public void Lemmatize(NlpSentence s, FeatureBuffer features, int[] scores, List<int> allowed)
    {
        for (int i = 0; i < s.Count; i++)
        {
            s.Lemmas[i] = LemmaOf(s, i, features, scores, allowed);
        }
    }

    private string LemmaOf(NlpSentence s, int i, FeatureBuffer features, int[] scores, List<int> allowed)
    {
        string form = s.Forms[i];
        int tag = s.Tags[i];
        if (_lexicon.TryGetValue((form, tag), out var lemma))
        {
            return lemma;
        }

        if ((s.Hashes[i].Flags & (NlpSentence.FlagTitle | NlpSentence.FlagUpper)) != 0)
        {
            string lower = form.ToLowerInvariant();
            if (_lexicon.TryGetValue((lower, tag), out lemma))
            {
                return lemma;
            }
        }

        allowed.Clear();
        Applicable(form, allowed);
        if (allowed.Count == 0)
        {
            return form;
        }

        features.Clear();
        Features(s, i, features);
        var span = scores.AsSpan(0, _model.Classes);
        span.Clear();
        _model.Score(features.Span, span);
        int best = SparseModel.ArgMax(span, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(allowed));
        return _scripts[best].Apply(form);
    }

    /// <summary>The scripts whose stripped suffix ends the word.</summary>
    internal void Applicable(string form, List<int> result)
    {
        Span<char> lower = form.Length <= 256 ? stackalloc char[form.Length] : new char[form.Length];
        form.AsSpan().ToLowerInvariant(lower);
        var lookup = _scriptsByStrip.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int k = 0; k <= Math.Min(_maxStrip, form.Length); k++)
        {
            if (lookup.TryGetValue(lower[(form.Length - k)..], out var scripts))
            {
                foreach (int c in scripts)
                {
                    if (_scripts[c].AppliesTo(form))
                    {
                        result.Add(c);
                    }
                }
            }
        }
    }

    internal static void Features(NlpSentence s, int i, FeatureBuffer f)
    {
        ref readonly var w = ref s.Hashes[i];
        uint tag = (uint)s.Tags[i] + 1;
        f.Add(201, tag);
        f.Add(202, tag, w.Suffix1);
        f.Add(203, tag, w.Suffix2);
        f.Add(204, tag, w.Suffix3);
        f.Add(205, tag, w.Suffix4);
        f.Add(206, tag, w.Suffix5);
        f.Add(207, w.Lower);
        f.Add(208, tag, w.Shape);
        f.Add(209, tag, w.Flags);
        f.Add(210, tag, (uint)s.Feats[i] + 1);
        f.Add(211, tag, i == 0 ? 1u : 0u, w.Flags);
        f.Add(212, w.Suffix3);
        f.Add(213, w.Suffix4);
    }

    public void Write(BinaryWriter writer)
    {
        Scripts.Write(writer);
        writer.Write(_lexicon.Count);
        foreach (var ((form, tag), lemma) in _lexicon.OrderBy(kv => kv.Key.Form, StringComparer.Ordinal).ThenBy(kv => kv.Key.Tag))
        {
            writer.Write(form);
            writer.Write(tag);
            writer.Write(lemma == form ? "" : lemma);
        }

        _model.Write(writer);
    }

    public static Lemmatizer Read(BinaryReader reader, int tagCount)
    {
        var scripts = LabelSet.Read(reader);
        int n = reader.ReadInt32();
        if (n < 0 || n > 10_000_000)
        {
            throw new ParleyException(ErrorCode.ModelFormat, "the lemma lexicon has an impossible size; the model file is damaged");
        }

        var lexicon = new Dictionary<(string, int), string>(n);
        for (int i = 0; i < n; i++)
        {
            string form = reader.ReadString();
            int tag = reader.ReadInt32();
            string lemma = reader.ReadString();
            if ((uint)tag >= (uint)tagCount)
            {
                throw new ParleyException(ErrorCode.ModelFormat, "the lemma lexicon names an unknown tag; the model file is damaged");
            }

            lexicon[(form, tag)] = lemma.Length == 0 ? form : lemma;
        }

        var model = SparseModel.Read(reader);
        if (model.Classes != scripts.Count)
        {
            throw new ParleyException(ErrorCode.ModelFormat, "the lemmatizer's weights do not match its scripts; the model file is damaged");
        }

        return new Lemmatizer(lexicon, scripts, model);
    }
}
