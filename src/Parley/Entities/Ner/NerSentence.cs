namespace Parley.Entities.Ner;

/// <summary>A named-entity span over the words of one sentence: [Start, End) word indices and a type (PER, ORG, LOC).</summary>
public readonly record struct NerSpan(int Start, int End, string Type);

/// <summary>One sentence of words with its gold entity spans (empty when unannotated), as training and evaluation use it.</summary>
public sealed class NerSentence
{
    public NerSentence(string[] words, List<NerSpan> spans, string source)
    {
        Words = words;
        Spans = spans;
        Source = source;
    }

    public string[] Words { get; }

    public List<NerSpan> Spans { get; }

    /// <summary>Where the sentence came from ("gum:GUM_news_iodine", "uner-ewt-dev"), for splits by document.</summary>
    public string Source { get; }

    /// <summary>Spans from BIO (or IO) labels, one per word: "B-PER", "I-PER", "O". An I- after another type starts a new span.</summary>
    public static List<NerSpan> SpansFromBio(IReadOnlyList<string> labels)
    {
        var spans = new List<NerSpan>();
        int start = -1;
        string? type = null;
        for (int i = 0; i <= labels.Count; i++)
        {
            string label = i < labels.Count ? labels[i] : "O";
            bool begins = label.StartsWith("B-", StringComparison.Ordinal);
            string? current = label.Length > 2 && label[1] == '-' ? label[2..] : null;
            if (type is not null && (current != type || begins))
            {
                spans.Add(new NerSpan(start, i, type));
                type = null;
            }

            if (current is not null && type is null)
            {
                start = i;
                type = current;
            }
        }

        return spans;
    }
}
