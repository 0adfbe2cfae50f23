using Parley.Documents;

namespace Parley.Nlp.Conllu;

/// <summary>A document's sentences and tokens as CoNLL-U sentences (for output and for scoring).</summary>
public static class DocumentConllu
{
    public static List<ConlluSentence> ToSentences(NewsDocument document, string? idPrefix = null)
    {
        var result = new List<ConlluSentence>(document.Sentences.Count);
        var tokens = document.Tokens.AsSpan();
        var blockStarts = RuleSegmenter.Blocks(document).Select(b => b.Start).Order().ToList();
        int nextBlock = 0;

        string text = document.Text;
        int previousEnd = -1;
        for (int si = 0; si < document.Sentences.Count; si++)
        {
            var sd = document.Sentences[si];
            var sentence = new ConlluSentence
            {
                SentId = (idPrefix ?? document.ContentHash) + "-" + (si + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Text = text.Substring(sd.Start, sd.Length).Replace('\n', ' ').Replace('\r', ' '),
                NewDocument = si == 0,
                NewParagraph = si == 0 || StartsBlock(blockStarts, ref nextBlock, previousEnd, sd.Start),
            };
            previousEnd = sd.Start + sd.Length;
            int first = sd.FirstToken;
            for (int i = first; i < sd.EndToken; i++)
            {
                ref readonly var t = ref tokens[i];
                int head = t.Head == TokenLayer.NoHead || t.Head < -1 ? -1 : t.Head;
                int localHead = head == -1 || head < first || head >= sd.EndToken ? 0 : head - first + 1;
                bool unparsed = t.Head == TokenLayer.NoHead;
                int nextStart = i + 1 < tokens.Length ? tokens[i + 1].Start : text.Length + 1;
                int end = t.Start + t.Length;
                sentence.Words.Add(new ConlluWord
                {
                    Form = t.Form ?? text.Substring(t.Start, t.Length),
                    Lemma = t.Lemma ?? "_",
                    Upos = t.Upos == UPos.None ? "_" : t.Upos.ToString(),
                    Xpos = t.Xpos ?? "_",
                    Feats = t.Feats ?? "_",
                    Head = unparsed ? -1 : localHead,
                    DepRel = t.DepRel ?? "_",
                    Misc = nextStart == end ? "SpaceAfter=No" : "_",
                    SpaceAfter = nextStart != end,
                });

                if (t.MultiwordParts > 1 && i + t.MultiwordParts <= sd.EndToken)
                {
                    int last = i + t.MultiwordParts - 1;
                    int mwEnd = tokens[last].Start + tokens[last].Length;
                    int afterMw = last + 1 < tokens.Length ? tokens[last + 1].Start : text.Length + 1;
                    sentence.Multiwords.Add(new ConlluMultiword(i - first + 1, last - first + 1, text[t.Start..mwEnd], afterMw != mwEnd));
                }
            }

            // Inside a multi-word token, SpaceAfter belongs to the token line, not to its words.
            foreach (var mw in sentence.Multiwords)
            {
                for (int w = mw.First - 1; w < mw.Last; w++)
                {
                    sentence.Words[w].Misc = "_";
                }
            }

            result.Add(sentence);
        }

        return result;
    }

    /// <summary>Whether a block starts after the previous sentence and by this one; walks the sorted starts once over the document.</summary>
    private static bool StartsBlock(List<int> starts, ref int next, int from, int to)
    {
        bool found = false;
        while (next < starts.Count && starts[next] <= to)
        {
            found |= starts[next] > from;
            next++;
        }

        return found;
    }
}
