namespace Parley.Entities.Ner;

/// <summary>
/// BILOU tags over entity types: O, then B-, I-, L-, U- for each type (begin, inside, last, unit). The decoder only
/// allows legal sequences, so every path it returns reads back as whole spans.
/// </summary>
public sealed class NerTagSet
{
    public NerTagSet(IReadOnlyList<string> types)
    {
        Types = [.. types];
        Count = 1 + 4 * Types.Length;
        Allowed = new bool[(Count + 1) * Count];
        for (int from = -1; from < Count; from++)
        {
            for (int to = 0; to < Count; to++)
            {
                Allowed[(from + 1) * Count + to] = Legal(from, to);
            }
        }
    }

    public string[] Types { get; }

    /// <summary>Number of tags.</summary>
    public int Count { get; }

    /// <summary>Legal transitions; row 0 is the sentence start, row t+1 follows tag t.</summary>
    public bool[] Allowed { get; }

    public const int O = 0;

    public static int Kind(int tag) => tag == 0 ? -1 : (tag - 1) % 4; // 0 B, 1 I, 2 L, 3 U

    public static int TypeOf(int tag) => tag == 0 ? -1 : (tag - 1) / 4;

    public static int Tag(int type, int kind) => 1 + type * 4 + kind;

    /// <summary>A tag may end the sentence only if it closes its span (O, L, U).</summary>
    public static bool CanEnd(int tag) => tag == O || Kind(tag) >= 2;

    private static bool Legal(int from, int to)
    {
        bool open = from >= 0 && Kind(from) is 0 or 1; // inside a span after "from"
        bool continues = Kind(to) is 1 or 2;             // "to" needs an open span of its type
        if (open)
        {
            return continues && TypeOf(from) == TypeOf(to);
        }

        return !continues;
    }

    public string Name(int tag) => tag == 0 ? "O" : "BILU"[Kind(tag)] + "-" + Types[TypeOf(tag)];

    /// <summary>Gold tags for a sentence from its spans.</summary>
    public int[] Encode(NerSentence sentence)
    {
        var tags = new int[sentence.Words.Length];
        foreach (var span in sentence.Spans)
        {
            int type = Array.IndexOf(Types, span.Type);
            if (type < 0)
            {
                continue;
            }

            if (span.End - span.Start == 1)
            {
                tags[span.Start] = Tag(type, 3);
                continue;
            }

            for (int i = span.Start; i < span.End; i++)
            {
                tags[i] = Tag(type, i == span.Start ? 0 : i == span.End - 1 ? 2 : 1);
            }
        }

        return tags;
    }

    /// <summary>Spans from a legal tag sequence.</summary>
    public List<NerSpan> Decode(ReadOnlySpan<int> tags)
    {
        var spans = new List<NerSpan>();
        int start = -1;
        for (int i = 0; i < tags.Length; i++)
        {
            int kind = Kind(tags[i]);
            if (kind == 3)
            {
                spans.Add(new NerSpan(i, i + 1, Types[TypeOf(tags[i])]));
            }
            else if (kind == 0)
            {
                start = i;
            }
            else if (kind == 2 && start >= 0)
            {
                spans.Add(new NerSpan(start, i + 1, Types[TypeOf(tags[i])]));
                start = -1;
            }
        }

        return spans;
    }
}
