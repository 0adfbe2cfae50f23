using Parley.Nlp.Conllu;

namespace Parley.Nlp;

/// <summary>A gold sentence prepared for training: forms, their hashes and the gold labels as strings.</summary>
internal sealed class TrainingSentence
{
    public TrainingSentence(ConlluSentence source)
    {
        Source = source;
        int n = source.Words.Count;
        Forms = new string[n];
        Hashes = new WordHashes[n];
        Heads = new int[n];
        for (int i = 0; i < n; i++)
        {
            var w = source.Words[i];
            Forms[i] = w.Form;
            Hashes[i] = NlpSentence.HashWord(w.Form);
            Heads[i] = w.Head - 1;
        }
    }

    public ConlluSentence Source { get; }

    public int Count => Forms.Length;

    public string[] Forms { get; }

    public WordHashes[] Hashes { get; }

    /// <summary>Gold heads, 0-based; -1 for the root.</summary>
    public int[] Heads { get; }

    /// <summary>Tags predicted by a tagger that did not see this sentence (jack-knifing), for training the parser.</summary>
    public int[]? PredictedTags { get; set; }

    public static string TagOf(ConlluWord w) => w.Upos + "\t" + w.Xpos;
}
