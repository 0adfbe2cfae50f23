namespace Parley.Nlp.Conllu;

/// <summary>One syntactic word of a CoNLL-U sentence. Head is 1-based within the sentence, 0 for the root.</summary>
public sealed class ConlluWord
{
    public string Form { get; set; } = "_";

    public string Lemma { get; set; } = "_";

    public string Upos { get; set; } = "_";

    public string Xpos { get; set; } = "_";

    public string Feats { get; set; } = "_";

    /// <summary>1-based head within the sentence, 0 for the root, -1 when unknown (written "_").</summary>
    public int Head { get; set; }

    public string DepRel { get; set; } = "_";

    public string Deps { get; set; } = "_";

    public string Misc { get; set; } = "_";

    /// <summary>False when MISC says SpaceAfter=No (for a word outside a multi-word token).</summary>
    public bool SpaceAfter { get; set; } = true;
}

/// <summary>A multi-word token: words First..Last (1-based, inclusive) are written together as Form.</summary>
public sealed record ConlluMultiword(int First, int Last, string Form, bool SpaceAfter, string Misc = "_");

/// <summary>One sentence of a CoNLL-U file: comments of interest, words, and multi-word token ranges.</summary>
public sealed class ConlluSentence
{
    public string? SentId { get; set; }

    /// <summary>The "# text =" line: the sentence as written.</summary>
    public string? Text { get; set; }

    public bool NewDocument { get; set; }

    public bool NewParagraph { get; set; }

    public List<ConlluWord> Words { get; } = [];

    public List<ConlluMultiword> Multiwords { get; } = [];

    /// <summary>
    /// The surface tokens in order: each is a range of words (First..Last, 0-based inclusive), its form and
    /// whether a space follows it.
    /// </summary>
    public IEnumerable<(int First, int Last, string Form, bool SpaceAfter)> SurfaceTokens()
    {
        int m = 0;
        for (int i = 0; i < Words.Count; i++)
        {
            while (m < Multiwords.Count && Multiwords[m].First - 1 < i)
            {
                m++;
            }

            if (m < Multiwords.Count && Multiwords[m].First - 1 == i)
            {
                var mw = Multiwords[m];
                yield return (i, mw.Last - 1, mw.Form, mw.SpaceAfter);
                i = mw.Last - 1;
                m++;
            }
            else
            {
                yield return (i, i, Words[i].Form, Words[i].SpaceAfter);
            }
        }
    }

    /// <summary>The sentence text rebuilt from its tokens and their SpaceAfter marks (used when "# text" is absent).</summary>
    public string RebuildText()
    {
        var sb = new System.Text.StringBuilder();
        foreach (var token in SurfaceTokens())
        {
            sb.Append(token.Form);
            if (token.SpaceAfter)
            {
                sb.Append(' ');
            }
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>Whether the last token is marked SpaceAfter=No (the next sentence follows without a space).</summary>
    public bool EndsWithoutSpace
    {
        get
        {
            bool space = true;
            foreach (var token in SurfaceTokens())
            {
                space = token.SpaceAfter;
            }

            return !space;
        }
    }
}
