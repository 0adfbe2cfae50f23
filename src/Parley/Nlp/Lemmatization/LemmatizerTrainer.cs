using Parley.Nlp.Learning;
using Parley.Nlp.Tagging;

namespace Parley.Nlp.Lemmatization;

/// <summary>Builds the lemma lexicon and trains the edit-script classifier on gold tags.</summary>
internal static class LemmatizerTrainer
{
    public static Lemmatizer Train(IReadOnlyList<TrainingSentence> train, IReadOnlyList<TrainingSentence> dev, PosTagger tagger, int seed, TextWriter log)
    {
        var scripts = new LabelSet();
        var counts = new Dictionary<(string, int), Dictionary<string, int>>();
        foreach (var sentence in train)
        {
            foreach (var w in sentence.Source.Words)
            {
                int tag = tagger.Tags.IndexOf(TrainingSentence.TagOf(w));
                var key = (w.Form, tag);
                if (!counts.TryGetValue(key, out var lemmas))
                {
                    counts[key] = lemmas = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                lemmas[w.Lemma] = lemmas.GetValueOrDefault(w.Lemma) + 1;
                scripts.Add(EditScript.Between(w.Form, w.Lemma).ToString());
            }
        }

        var lexicon = new Dictionary<(string, int), string>();
        foreach (var (key, lemmas) in counts)
        {
            lexicon[key] = lemmas.MaxBy(kv => kv.Value).Key;
        }

        // The classifier learns from every training word; the lexicon then covers the known ones.
        var trainer = new PerceptronTrainer(scripts.Count);
        var probe = new Lemmatizer([], scripts, new PerceptronTrainer(scripts.Count).Freeze());
        var features = new FeatureBuffer();
        var scores = new float[scripts.Count];
        var allowed = new List<int>();
        var work = new NlpSentence();
        var order = Enumerable.Range(0, train.Count).ToArray();
        var random = new Random(seed + 11);
        for (int epoch = 0; epoch < 5; epoch++)
        {
            random.Shuffle(order);
            int correct = 0, total = 0;
            foreach (int si in order)
            {
                var sentence = train[si];
                Load(work, sentence, tagger);
                for (int i = 0; i < sentence.Count; i++)
                {
                    int truth = scripts.IndexOf(EditScript.Between(sentence.Forms[i], sentence.Source.Words[i].Lemma).ToString());
                    allowed.Clear();
                    probe.Applicable(sentence.Forms[i], allowed);
                    if (allowed.Count <= 1)
                    {
                        continue;
                    }

                    features.Clear();
                    Lemmatizer.Features(work, i, features);
                    Array.Clear(scores);
                    trainer.Score(features.Span, scores);
                    int guess = allowed[0];
                    foreach (int c in allowed)
                    {
                        if (scores[c] > scores[guess])
                        {
                            guess = c;
                        }
                    }

                    trainer.Tick();
                    trainer.Update(features.Span, truth, guess);
                    correct += guess == truth ? 1 : 0;
                    total++;
                }
            }

            log.WriteLine($"  lemmatizer epoch {epoch + 1}: train {100.0 * correct / Math.Max(1, total):F2}% of ambiguous words");
        }

        var lemmatizer = new Lemmatizer(lexicon, scripts, trainer.Freeze());
        log.WriteLine($"  lemmatizer: {scripts.Count} scripts, {lexicon.Count:N0} lexicon entries; dev accuracy on gold tags {100 * Accuracy(lemmatizer, dev, tagger):F2}%");
        return lemmatizer;
    }

    /// <summary>Copies forms, hashes and gold tags and features into the working sentence.</summary>
    internal static void Load(NlpSentence work, TrainingSentence sentence, PosTagger tagger)
    {
        work.Reset(sentence.Count);
        for (int i = 0; i < sentence.Count; i++)
        {
            var w = sentence.Source.Words[i];
            work.Forms[i] = w.Form;
            work.Hashes[i] = sentence.Hashes[i];
            work.Tags[i] = Math.Max(0, tagger.Tags.IndexOf(TrainingSentence.TagOf(w)));
            work.Feats[i] = Math.Max(0, tagger.FeatsLabels.IndexOf(w.Feats));
        }
    }

    private static double Accuracy(Lemmatizer lemmatizer, IReadOnlyList<TrainingSentence> sentences, PosTagger tagger)
    {
        var work = new NlpSentence();
        var features = new FeatureBuffer();
        var scores = new int[lemmatizer.Scripts.Count];
        var allowed = new List<int>();
        int correct = 0, total = 0;
        foreach (var sentence in sentences)
        {
            Load(work, sentence, tagger);
            lemmatizer.Lemmatize(work, features, scores, allowed);
            for (int i = 0; i < sentence.Count; i++)
            {
                correct += work.Lemmas[i] == sentence.Source.Words[i].Lemma ? 1 : 0;
                total++;
            }
        }

        return total == 0 ? 0 : (double)correct / total;
    }
}
