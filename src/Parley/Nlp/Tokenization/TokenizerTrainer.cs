using Parley.Nlp.Learning;

namespace Parley.Nlp.Tokenization;

/// <summary>Trains the three classifiers of <see cref="LearnedTokenizer"/> from raw treebank paragraphs.</summary>
internal static class TokenizerTrainer
{
    public static LearnedTokenizer Train(List<RawParagraph> train, List<RawParagraph> dev, int seed, TextWriter log)
    {
        var usable = train.Where(p => p.Aligned).ToList();
        log.WriteLine($"  tokenizer: {usable.Count:N0} of {train.Count:N0} paragraphs line up with their tokens");
        int original = usable.Count;
        usable.AddRange(Augment(usable, new Random(seed + 41)));
        log.WriteLine($"  tokenizer: {usable.Count - original:N0} paragraphs added with other quote and dash styles");
        var tails = CollectTails(usable);
        var random = new Random(seed + 31);
        var gaps = TrainGaps(usable, random, log);
        var multiwords = TrainMultiwords(usable, tails, random);
        var sentences = TrainSentences(usable, random);
        var tokenizer = new LearnedTokenizer(gaps, multiwords, sentences, tails);
        var (tokenF1, wordF1, sentenceF1) = Evaluate(tokenizer, dev);
        log.WriteLine($"  tokenizer on dev paragraphs: tokens F1 {100 * tokenF1:F2}, multi-word splits F1 {100 * wordF1:F2}, sentences F1 {100 * sentenceF1:F2}");
        return tokenizer;
    }

    /// <summary>
    /// Copies of paragraphs with straight double quotes written in another tradition («», „“, “”) and spaced
    /// hyphens written as dashes, so the tokenizer sees the typography of international news. Each replacement
    /// is one character for one, so the gold spans stay valid.
    /// </summary>
    private static List<RawParagraph> Augment(List<RawParagraph> paragraphs, Random random)
    {
        (char Open, char Close)[] styles = [('«', '»'), ('„', '“'), ('“', '”')];
        var result = new List<RawParagraph>();
        foreach (var p in paragraphs)
        {
            bool quotes = p.Text.Contains('"');
            bool dashes = p.Text.Contains(" - ", StringComparison.Ordinal);
            if ((!quotes && !dashes) || random.NextDouble() < 0.5)
            {
                continue;
            }

            var style = styles[random.Next(styles.Length)];
            char dash = random.Next(2) == 0 ? '—' : '–';
            var chars = p.Text.ToCharArray();
            bool open = true;
            foreach (var t in p.Tokens)
            {
                if (t.End - t.Start != 1)
                {
                    continue;
                }

                if (chars[t.Start] == '"')
                {
                    chars[t.Start] = open ? style.Open : style.Close;
                    open = !open;
                }
                else if (chars[t.Start] == '-' && t.Start > 0 && chars[t.Start - 1] == ' ' && t.End < chars.Length && chars[t.End] == ' ')
                {
                    chars[t.Start] = dash;
                }
            }

            result.Add(new RawParagraph { Text = new string(chars), Tokens = p.Tokens, SentenceEnds = p.SentenceEnds, Sentences = p.Sentences, Aligned = true });
        }

        return result;
    }

    /// <summary>The endings that split off as the second word of a multi-word token at least twice ("n't", "'s").</summary>
    private static List<string> CollectTails(List<RawParagraph> paragraphs)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in paragraphs)
        {
            foreach (var t in p.Tokens)
            {
                if (t.IsMultiword)
                {
                    string tail = p.Text[(t.Start + t.Split)..t.End].ToLowerInvariant();
                    counts[tail] = counts.GetValueOrDefault(tail) + 1;
                }
            }
        }

        return [.. counts.Where(kv => kv.Value >= 2).Select(kv => kv.Key).Order(StringComparer.Ordinal)];
    }

    private static SparseModel TrainGaps(List<RawParagraph> paragraphs, Random random, TextWriter log)
    {
        var trainer = new PerceptronTrainer(2);
        var features = new FeatureBuffer();
        var atoms = new List<Atom>();
        var chunks = new List<(int First, int Last)>();
        var starts = new HashSet<int>();
        var scores = new float[2];
        int unreachable = 0;
        var order = Enumerable.Range(0, paragraphs.Count).ToArray();
        for (int epoch = 0; epoch < 8; epoch++)
        {
            random.Shuffle(order);
            foreach (int pi in order)
            {
                var p = paragraphs[pi];
                Atoms.Split(p.Text, 0, p.Text.Length, atoms);
                Atoms.FindChunks(atoms, chunks);
                starts.Clear();
                foreach (var t in p.Tokens)
                {
                    starts.Add(t.Start);
                }

                if (epoch == 0)
                {
                    var atomStarts = new HashSet<int>(atoms.Select(a => a.Start));
                    unreachable += starts.Count(s => !atomStarts.Contains(s));
                }

                int first = 0;
                for (int k = 1; k < atoms.Count; k++)
                {
                    if (atoms[k].SpaceBefore)
                    {
                        first = k;
                        continue;
                    }

                    features.Clear();
                    LearnedTokenizer.GapFeatures(p.Text, atoms, chunks, first, k, features);
                    Array.Clear(scores);
                    trainer.Score(features.Span, scores);
                    int guess = scores[1] > scores[0] ? 1 : 0;
                    int truth = starts.Contains(atoms[k].Start) ? 1 : 0;
                    trainer.Tick();
                    trainer.Update(features.Span, truth, guess);
                    if (guess == 1)
                    {
                        first = k;
                    }
                }
            }
        }

        log.WriteLine($"  tokenizer: {unreachable} gold token starts fall inside a letter or digit run (not learnable)");
        return trainer.Freeze();
    }

    private static SparseModel TrainMultiwords(List<RawParagraph> paragraphs, List<string> tails, Random random)
    {
        var trainer = new PerceptronTrainer(2);
        var features = new FeatureBuffer();
        var tailSet = new HashSet<string>(tails, StringComparer.Ordinal);
        int maxTail = tails.Count == 0 ? 0 : tails.Max(t => t.Length);
        var scores = new float[2];
        var order = Enumerable.Range(0, paragraphs.Count).ToArray();
        for (int epoch = 0; epoch < 8; epoch++)
        {
            random.Shuffle(order);
            foreach (int pi in order)
            {
                var p = paragraphs[pi];
                for (int t = 0; t < p.Tokens.Count; t++)
                {
                    var token = p.Tokens[t];
                    int length = token.End - token.Start;
                    if (length < 2 || length > LearnedTokenizer.MaxTokenLength)
                    {
                        continue;
                    }

                    string lower = p.Text[token.Start..token.End].ToLowerInvariant();
                    for (int pos = Math.Max(1, length - maxTail); pos < length; pos++)
                    {
                        if (!tailSet.Contains(lower[pos..]))
                        {
                            continue;
                        }

                        features.Clear();
                        LearnedTokenizer.MultiwordFeatures(p.Text, p.Tokens, t, pos, features);
                        Array.Clear(scores);
                        trainer.Score(features.Span, scores);
                        int guess = scores[1] > scores[0] ? 1 : 0;
                        int truth = token.Split == pos ? 1 : 0;
                        trainer.Tick();
                        trainer.Update(features.Span, truth, guess);
                    }
                }
            }
        }

        return trainer.Freeze();
    }

    private static SparseModel TrainSentences(List<RawParagraph> paragraphs, Random random)
    {
        var trainer = new PerceptronTrainer(2);
        var features = new FeatureBuffer();
        var scores = new float[2];
        var ends = new HashSet<int>();
        var order = Enumerable.Range(0, paragraphs.Count).ToArray();
        for (int epoch = 0; epoch < 10; epoch++)
        {
            random.Shuffle(order);
            foreach (int pi in order)
            {
                var p = paragraphs[pi];
                ends.Clear();
                foreach (int e in p.SentenceEnds)
                {
                    ends.Add(e);
                }

                int since = 0;
                for (int t = 0; t < p.Tokens.Count - 1; t++)
                {
                    since++;
                    features.Clear();
                    LearnedTokenizer.SentenceFeatures(p.Text, p.Tokens, t, since, p.Text.Length, features);
                    Array.Clear(scores);
                    trainer.Score(features.Span, scores);
                    int guess = scores[1] > scores[0] ? 1 : 0;
                    int truth = ends.Contains(t + 1) ? 1 : 0;
                    trainer.Tick();
                    trainer.Update(features.Span, truth, guess);
                    if (guess == 1)
                    {
                        since = 0;
                    }
                }
            }
        }

        return trainer.Freeze();
    }

    /// <summary>Token, multi-word split and sentence F1 on raw paragraphs (spans must match exactly).</summary>
    internal static (double Tokens, double Multiwords, double Sentences) Evaluate(LearnedTokenizer tokenizer, List<RawParagraph> paragraphs)
    {
        var buffer = new SegmentBuffer();
        var features = new FeatureBuffer();
        long goldTokens = 0, systemTokens = 0, correctTokens = 0;
        long goldSplits = 0, systemSplits = 0, correctSplits = 0;
        long goldSentences = 0, systemSentences = 0, correctSentences = 0;
        foreach (var p in paragraphs)
        {
            tokenizer.Segment(p.Text, 0, p.Text.Length, buffer, features);
            var gold = new HashSet<(int, int)>(p.Tokens.Select(t => (t.Start, t.End)));
            var goldSplit = new HashSet<(int, int)>(p.Tokens.Where(t => t.IsMultiword).Select(t => (t.Start, t.Split)));
            goldTokens += gold.Count;
            systemTokens += buffer.Tokens.Count;
            goldSplits += goldSplit.Count;
            foreach (var t in buffer.Tokens)
            {
                correctTokens += gold.Contains((t.Start, t.End)) ? 1 : 0;
                if (t.IsMultiword)
                {
                    systemSplits++;
                    correctSplits += goldSplit.Contains((t.Start, t.Split)) ? 1 : 0;
                }
            }

            var goldSpans = SentenceSpans(p.Tokens, p.SentenceEnds);
            var systemSpans = SentenceSpans(buffer.Tokens, buffer.SentenceEnds);
            goldSentences += goldSpans.Count;
            systemSentences += systemSpans.Count;
            correctSentences += systemSpans.Count(goldSpans.Contains);
        }

        static double F1(long c, long g, long s) => g + s == 0 ? 0 : 2.0 * c / (g + s);
        return (F1(correctTokens, goldTokens, systemTokens), F1(correctSplits, goldSplits, systemSplits), F1(correctSentences, goldSentences, systemSentences));
    }

    private static HashSet<(int, int)> SentenceSpans(List<SegmentedToken> tokens, List<int> ends)
    {
        var spans = new HashSet<(int, int)>();
        int first = 0;
        foreach (int e in ends)
        {
            if (e > first)
            {
                spans.Add((tokens[first].Start, tokens[e - 1].End));
            }

            first = e;
        }

        return spans;
    }
}
