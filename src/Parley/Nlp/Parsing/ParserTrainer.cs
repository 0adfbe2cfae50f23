using System.Diagnostics;
using Parley.Nlp.Learning;

namespace Parley.Nlp.Parsing;

/// <summary>
/// Trains <see cref="ArcEagerParser"/> with the dynamic oracle of Goldberg and Nivre (2012): at each step the
/// model's best transition is compared with the best transition that loses no more gold arcs; after the
/// first epoch the parser follows its own mistakes most of the time, so it learns to recover from them.
/// Gold trees are made projective first by lifting non-projective arcs.
/// </summary>
internal static class ParserTrainer
{
    public sealed record Options(int MaxEpochs = 15, int Patience = 3, int Seed = 1, double Explore = 0.9, float Prune = 0f);

    private sealed class Example
    {
        public required WordHashes[] Hashes;
        public required int[] Tags;
        public required int[] GoldHeads;
        public required int[] GoldLabels;
        public required int[] RawHeads;
    }

    public static ArcEagerParser Train(IReadOnlyList<TrainingSentence> train, IReadOnlyList<TrainingSentence> dev, Func<TrainingSentence, int[]> devTags,
        bool[] punctTags, LabelSet? labelSet, Options options, TextWriter log)
    {
        var labels = labelSet ?? new LabelSet();
        if (labels.IndexOf("root") < 0)
        {
            labels.Add("root");
        }

        var examples = new List<Example>();
        foreach (var sentence in train)
        {
            int n = sentence.Count;
            var heads = new int[n];
            var rels = new int[n];
            for (int i = 0; i < n; i++)
            {
                heads[i] = sentence.Heads[i] < 0 ? n : sentence.Heads[i];
                rels[i] = labels.Add(sentence.Source.Words[i].DepRel);
            }

            var raw = (int[])heads.Clone();
            Projectivize(heads);
            examples.Add(new Example { Hashes = sentence.Hashes, Tags = sentence.PredictedTags!, GoldHeads = heads, GoldLabels = rels, RawHeads = raw });
        }

        if (labels.Count > 64)
        {
            throw new ParleyException(ErrorCode.MalformedInput, $"the treebank has {labels.Count} dependency relations; the parser supports at most 64");
        }

        int rootLabel = labels.IndexOf("root");
        int classes = ArcEagerParser.ClassCount(labels.Count);
        var trainer = new PerceptronTrainer(classes);
        var st = new ParserState();
        var work = new ParserWork();
        var scores = new float[classes];
        var costs = new int[classes];
        var random = new Random(options.Seed + 23);
        var order = Enumerable.Range(0, examples.Count).ToArray();
        ArcEagerParser? best = null;
        double bestLas = -1;
        int since = 0;
        for (int epoch = 1; epoch <= options.MaxEpochs; epoch++)
        {
            var watch = Stopwatch.StartNew();
            random.Shuffle(order);
            long steps = 0, wrong = 0;
            foreach (int e in order)
            {
                var ex = examples[e];
                int n = ex.GoldHeads.Length;
                work.Prepare(ex.Hashes, ex.Tags, n);
                st.Reset(n);
                while (!st.Terminal)
                {
                    work.Features.Clear();
                    ParserFeatures.Extract(st, work.Words, work.Tags, work.Features);
                    Array.Clear(scores);
                    trainer.Score(work.Features.Span, scores);
                    int predicted = ArcEagerParser.BestValid<float>(st, scores, labels.Count, rootLabel);
                    Costs(st, ex.GoldHeads, ex.GoldLabels, labels.Count, rootLabel, costs);
                    int oracle = BestZeroCost(scores, costs);
                    trainer.Tick();
                    steps++;
                    if (costs[predicted] > 0)
                    {
                        wrong++;
                        trainer.Update(work.Features.Span, oracle, predicted);
                    }

                    bool explore = epoch > 1 && costs[predicted] > 0 && random.NextDouble() < options.Explore;
                    ArcEagerParser.Apply(st, explore ? predicted : oracle, labels.Count);
                }
            }

            var parser = new ArcEagerParser(labels, trainer.Freeze(options.Prune));
            var (uas, las) = Score(parser, dev, devTags, punctTags);
            log.WriteLine($"  parser epoch {epoch}: {100.0 * (steps - wrong) / steps:F2}% of transitions right; dev UAS {100 * uas:F2}, LAS {100 * las:F2}; {parser.FeatureCount:N0} features, {watch.Elapsed.TotalSeconds:F0}s");
            if (las > bestLas)
            {
                bestLas = las;
                best = parser;
                since = 0;
            }
            else if (++since >= options.Patience)
            {
                break;
            }
        }

        return best!;
    }

    /// <summary>How many gold arcs each transition would make unreachable (int.MaxValue when not allowed).</summary>
    internal static void Costs(ParserState st, int[] gh, int[] gl, int labels, int rootLabel, int[] costs)
    {
        Array.Fill(costs, int.MaxValue);
        int n = st.N;
        int s = st.S0;
        int b = st.Buffer;
        bool sRoot = s == n;
        bool rootFree = st.RootChildren == 0;

        // Arcs from the virtual root are reachable only while it has no dependent.
        bool Reachable(int head) => head != n || rootFree;

        // SHIFT: b loses a head or dependents waiting on the stack.
        int shift = 0;
        for (int k = 0; k < st.StackCount; k++)
        {
            int x = st.Stack[k];
            if (gh[b] == x && Reachable(x))
            {
                shift++;
            }

            if (x != n && gh[x] == b && st.Head[x] == ParserState.NoHead)
            {
                shift++;
            }
        }

        costs[ArcEagerParser.Shift] = shift;

        // Dependents of s still in the buffer.
        int sDepsInBuffer = 0;
        if (!sRoot)
        {
            for (int k = b; k < n; k++)
            {
                if (gh[k] == s)
                {
                    sDepsInBuffer++;
                }
            }
        }

        bool hasHead = !sRoot && st.Head[s] != ParserState.NoHead;
        if (hasHead)
        {
            costs[ArcEagerParser.Reduce] = sDepsInBuffer;
        }

        if (!sRoot && !hasHead)
        {
            int left = sDepsInBuffer + (gh[s] > b && gh[s] < n ? 1 : 0);
            for (int l = 0; l < labels; l++)
            {
                if (l != rootLabel)
                {
                    costs[2 + l] = left + (gh[s] == b && gl[s] != l ? 1 : 0);
                }
            }
        }

        if (!sRoot || rootFree)
        {
            int right = 0;
            if (gh[b] != s && Reachable(gh[b]))
            {
                bool inBuffer = gh[b] > b && gh[b] < n;
                bool onStack = false;
                for (int k = 0; k < st.StackCount && !onStack; k++)
                {
                    onStack = st.Stack[k] == gh[b];
                }

                right += inBuffer || onStack ? 1 : 0;
            }

            for (int k = 0; k < st.StackCount; k++)
            {
                int x = st.Stack[k];
                if (x != n && gh[x] == b && st.Head[x] == ParserState.NoHead)
                {
                    right++;
                }
            }

            for (int l = 0; l < labels; l++)
            {
                if (sRoot ? l == rootLabel : l != rootLabel)
                {
                    costs[2 + labels + l] = right + (gh[b] == s && gl[b] != l ? 1 : 0);
                }
            }
        }
    }

    private static int BestZeroCost(float[] scores, int[] costs)
    {
        int min = int.MaxValue;
        foreach (int c in costs)
        {
            min = Math.Min(min, c);
        }

        int best = -1;
        for (int t = 0; t < costs.Length; t++)
        {
            if (costs[t] == min && (best < 0 || scores[t] > scores[best]))
            {
                best = t;
            }
        }

        return best;
    }

    /// <summary>Lifts non-projective arcs (the dependent moves to its head's head) until the tree is projective.</summary>
    internal static void Projectivize(int[] heads)
    {
        int n = heads.Length;
        while (true)
        {
            int worst = -1, worstLength = int.MaxValue;
            for (int d = 0; d < n; d++)
            {
                int h = heads[d];
                if (h == n || IsProjective(heads, h, d))
                {
                    continue;
                }

                int length = Math.Abs(h - d);
                if (length < worstLength)
                {
                    worst = d;
                    worstLength = length;
                }
            }

            if (worst < 0)
            {
                return;
            }

            heads[worst] = heads[heads[worst]];
        }
    }

    /// <summary>An arc is projective when its head dominates every word between the two.</summary>
    private static bool IsProjective(int[] heads, int h, int d)
    {
        int n = heads.Length;
        int lo = Math.Min(h, d), hi = Math.Max(h, d);
        for (int k = lo + 1; k < hi; k++)
        {
            int x = k;
            int steps = 0;
            while (x != h && x != n && steps++ <= n)
            {
                x = heads[x];
            }

            if (x != h)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>UAS and LAS (full relation) of a parser on sentences with the given tags, excluding nothing.</summary>
    internal static (double Uas, double Las) Score(ArcEagerParser parser, IReadOnlyList<TrainingSentence> sentences, Func<TrainingSentence, int[]> tags,
        bool[] punctTags)
    {
        var s = new NlpSentence();
        var st = new ParserState();
        var work = new ParserWork();
        var punct = new bool[16];
        int total = 0, uas = 0, las = 0;
        foreach (var sentence in sentences)
        {
            int n = sentence.Count;
            s.Reset(n);
            var t = tags(sentence);
            if (punct.Length < n)
            {
                punct = new bool[n * 2];
            }

            for (int i = 0; i < n; i++)
            {
                s.Forms[i] = sentence.Forms[i];
                s.Hashes[i] = sentence.Hashes[i];
                s.Tags[i] = t[i];
                punct[i] = punctTags[t[i]];
            }

            parser.Parse(s, st, work, punct);
            for (int i = 0; i < n; i++)
            {
                total++;
                if (s.Heads[i] == sentence.Heads[i])
                {
                    uas++;
                    if (parser.Labels[s.Rels[i]] == sentence.Source.Words[i].DepRel)
                    {
                        las++;
                    }
                }
            }
        }

        return total == 0 ? (0, 0) : ((double)uas / total, (double)las / total);
    }
}
