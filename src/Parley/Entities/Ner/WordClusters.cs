namespace Parley.Entities.Ner;

/// <summary>
/// Word clusters induced from unlabelled text: each frequent word is described by the words seen just before and
/// after it, and spherical k-means groups words with similar neighbours ("Debra" with "Traci", "Fallujah" with
/// "Ramadi"). Two granularities are kept; the recogniser reads both as features, so a name it never saw in the
/// labelled data still gets the weight learnt for its cluster.
/// </summary>
public static class WordClusters
{
    private const int ContextWords = 1000;

    /// <summary>Maps each word's exact-spelling hash to (coarse + 1) &lt;&lt; 16 | (fine + 1).</summary>
    public static Dictionary<ulong, ulong> Induce(IReadOnlyList<string[]> sentences, int coarse = 64, int fine = 320, int minCount = 3, int iterations = 10, int seed = 1)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            foreach (var w in s)
            {
                counts[w] = counts.GetValueOrDefault(w) + 1;
            }
        }

        var vocabulary = counts.Where(p => p.Value >= minCount).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).ToArray();
        if (vocabulary.Length < fine * 2)
        {
            return [];
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < vocabulary.Length; i++)
        {
            index[vocabulary[i]] = i;
        }

        // Context dimensions: the most frequent words on the left, then on the right, then a shape class for the rest.
        int contexts = Math.Min(ContextWords, vocabulary.Length);
        int dims = 2 * (contexts + 4);
        var rows = new Dictionary<int, float>[vocabulary.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = [];
        }

        foreach (var s in sentences)
        {
            for (int i = 0; i < s.Length; i++)
            {
                if (!index.TryGetValue(s[i], out int w))
                {
                    continue;
                }

                int left = i > 0 ? Context(s[i - 1]) : contexts + 3;
                int right = i + 1 < s.Length ? Context(s[i + 1]) : contexts + 3;
                Add(rows[w], left);
                Add(rows[w], contexts + 4 + right);
            }
        }

        int Context(string word) => index.TryGetValue(word, out int c) && c < contexts ? c
            : word.Length > 0 && char.IsUpper(word[0]) ? contexts : word.Length > 0 && char.IsDigit(word[0]) ? contexts + 1 : contexts + 2;

        static void Add(Dictionary<int, float> row, int dim) => row[dim] = row.GetValueOrDefault(dim) + 1;

        var vectors = new (int[] Dims, float[] Values)[vocabulary.Length];
        for (int i = 0; i < vectors.Length; i++)
        {
            var dimsOf = rows[i].Keys.ToArray();
            Array.Sort(dimsOf);
            var values = new float[dimsOf.Length];
            double norm = 0;
            for (int k = 0; k < dimsOf.Length; k++)
            {
                values[k] = MathF.Log(1 + rows[i][dimsOf[k]]);
                norm += values[k] * values[k];
            }

            float inv = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0;
            for (int k = 0; k < values.Length; k++)
            {
                values[k] *= inv;
            }

            vectors[i] = (dimsOf, values);
        }

        var fineOf = KMeans(vectors, dims, fine, iterations, seed);
        var coarseOf = KMeans(vectors, dims, coarse, iterations, seed + 1);
        var result = new Dictionary<ulong, ulong>(vocabulary.Length);
        for (int i = 0; i < vocabulary.Length; i++)
        {
            result[NerFeatures.Hash(vocabulary[i])] = ((ulong)(uint)(coarseOf[i] + 1) << 16) + (ulong)(uint)(fineOf[i] + 1);
        }

        return result;
    }

    private static int[] KMeans((int[] Dims, float[] Values)[] vectors, int dims, int k, int iterations, int seed)
    {
        var random = new Random(seed);
        var centroids = new float[k][];

        // Seeds spread over the frequency range, so that rare words get clusters of their own too.
        for (int c = 0; c < k; c++)
        {
            int pick = (int)((long)c * vectors.Length / k) + random.Next(Math.Max(1, vectors.Length / k));
            centroids[c] = new float[dims];
            var v = vectors[Math.Min(pick, vectors.Length - 1)];
            for (int j = 0; j < v.Dims.Length; j++)
            {
                centroids[c][v.Dims[j]] = v.Values[j];
            }
        }

        var assignment = new int[vectors.Length];
        for (int iteration = 0; iteration < iterations; iteration++)
        {
            Parallel.For(0, vectors.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
            {
                var v = vectors[i];
                float best = float.NegativeInfinity;
                int arg = 0;
                for (int c = 0; c < k; c++)
                {
                    var centroid = centroids[c];
                    float dot = 0;
                    for (int j = 0; j < v.Dims.Length; j++)
                    {
                        dot += centroid[v.Dims[j]] * v.Values[j];
                    }

                    if (dot > best)
                    {
                        best = dot;
                        arg = c;
                    }
                }

                assignment[i] = arg;
            });

            for (int c = 0; c < k; c++)
            {
                Array.Clear(centroids[c]);
            }

            for (int i = 0; i < vectors.Length; i++)
            {
                var v = vectors[i];
                var centroid = centroids[assignment[i]];
                for (int j = 0; j < v.Dims.Length; j++)
                {
                    centroid[v.Dims[j]] += v.Values[j];
                }
            }

            for (int c = 0; c < k; c++)
            {
                double norm = 0;
                foreach (var x in centroids[c])
                {
                    norm += x * x;
                }

                if (norm == 0)
                {
                    continue;
                }

                float inv = (float)(1 / Math.Sqrt(norm));
                for (int j = 0; j < dims; j++)
                {
                    centroids[c][j] *= inv;
                }
            }
        }

        return assignment;
    }
}
