using Parley.Nlp.Conllu;

namespace Parley.Nlp.Tokenization;

/// <summary>A paragraph of a treebank as raw text, with its gold tokens and sentence ends (token indices, exclusive).</summary>
internal sealed class RawParagraph
{
    public required string Text { get; init; }

    public required List<SegmentedToken> Tokens { get; init; }

    public required List<int> SentenceEnds { get; init; }

    public required List<ConlluSentence> Sentences { get; init; }

    /// <summary>False when some token could not be found in the sentence text; such paragraphs are not used to train.</summary>
    public bool Aligned { get; init; }
}

/// <summary>
/// Rebuilds a treebank's raw text: the sentences of a paragraph ("# newpar", "# newdoc") joined by a space
/// (none after SpaceAfter=No), which is how the CoNLL 2018 shared task's raw text input was made.
/// </summary>
internal static class RawParagraphs
{
    public static List<RawParagraph> Build(IReadOnlyList<ConlluSentence> sentences)
    {
        var result = new List<RawParagraph>();
        var group = new List<ConlluSentence>();
        foreach (var sentence in sentences)
        {
            if (sentence.NewParagraph && group.Count > 0)
            {
                result.Add(Make(group));
                group = [];
            }

            group.Add(sentence);
        }

        if (group.Count > 0)
        {
            result.Add(Make(group));
        }

        return result;
    }

    private static RawParagraph Make(List<ConlluSentence> group)
    {
        var text = new System.Text.StringBuilder();
        var tokens = new List<SegmentedToken>();
        var ends = new List<int>();
        bool aligned = true;
        for (int s = 0; s < group.Count; s++)
        {
            var sentence = group[s];
            if (s > 0 && !group[s - 1].EndsWithoutSpace)
            {
                text.Append(' ');
            }

            int offset = text.Length;
            string sentenceText = sentence.Text ?? sentence.RebuildText();
            text.Append(sentenceText);
            int pos = 0;
            foreach (var (first, last, form, _) in sentence.SurfaceTokens())
            {
                while (pos < sentenceText.Length && char.IsWhiteSpace(sentenceText[pos]))
                {
                    pos++;
                }

                int start = pos;
                if (!Matches(sentenceText, ref pos, form))
                {
                    aligned = false;
                    pos = Math.Min(sentenceText.Length, start + form.Length);
                }

                int split = 0;
                if (last == first + 1 && sentence.Words[first].Form.Length + sentence.Words[last].Form.Length == form.Length &&
                    form.StartsWith(sentence.Words[first].Form, StringComparison.Ordinal))
                {
                    split = sentence.Words[first].Form.Length;
                }

                tokens.Add(new SegmentedToken(offset + start, offset + pos, split));
            }

            ends.Add(tokens.Count);
        }

        return new RawParagraph { Text = text.ToString(), Tokens = tokens, SentenceEnds = ends, Sentences = group, Aligned = aligned };
    }

    /// <summary>Matches a token's form at pos, allowing white space inside the text where the form has none.</summary>
    private static bool Matches(string text, ref int pos, string form)
    {
        int p = pos;
        foreach (char c in form)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            while (p < text.Length && char.IsWhiteSpace(text[p]) && !char.IsWhiteSpace(c))
            {
                if (p == pos)
                {
                    break;
                }

                p++;
            }

            if (p >= text.Length || text[p] != c)
            {
                return false;
            }

            p++;
        }

        pos = p;
        return true;
    }
}
