using System.Globalization;
using System.Text;

namespace Parley.Nlp.Conllu;

/// <summary>Writes sentences as CoNLL-U, with "# sent_id" and "# text" comments and multi-word token lines.</summary>
public static class ConlluWriter
{
    /// <summary>Writes the sentences; <paramref name="documentId"/>, when given, names the document on its "# newdoc" line.</summary>
    public static void Write(TextWriter output, IEnumerable<ConlluSentence> sentences, string? documentId = null)
    {
        var sb = new StringBuilder();
        int n = 0;
        foreach (var sentence in sentences)
        {
            n++;
            sb.Clear();
            AppendSentence(sb, sentence, n, documentId);
            output.Write(sb);
        }
    }

    public static string ToText(IEnumerable<ConlluSentence> sentences)
    {
        var writer = new StringWriter();
        Write(writer, sentences);
        return writer.ToString();
    }

    private static void AppendSentence(StringBuilder sb, ConlluSentence s, int number, string? documentId)
    {
        if (s.NewDocument)
        {
            sb.Append(documentId is null ? "# newdoc\n" : "# newdoc id = " + Clean(documentId) + "\n");
        }
        else if (s.NewParagraph)
        {
            sb.Append("# newpar\n");
        }

        sb.Append("# sent_id = ").Append(s.SentId ?? number.ToString(CultureInfo.InvariantCulture)).Append('\n');
        if (s.Text is not null)
        {
            sb.Append("# text = ").Append(Clean(s.Text)).Append('\n');
        }

        int m = 0;
        for (int i = 0; i < s.Words.Count; i++)
        {
            if (m < s.Multiwords.Count && s.Multiwords[m].First == i + 1)
            {
                var mw = s.Multiwords[m++];
                sb.Append(mw.First).Append('-').Append(mw.Last).Append('\t').Append(Field(mw.Form)).Append("\t_\t_\t_\t_\t_\t_\t_\t")
                  .Append(mw.SpaceAfter ? "_" : "SpaceAfter=No").Append('\n');
            }

            var w = s.Words[i];
            sb.Append(i + 1).Append('\t').Append(Field(w.Form)).Append('\t').Append(Field(w.Lemma)).Append('\t').Append(Field(w.Upos)).Append('\t')
              .Append(Field(w.Xpos)).Append('\t').Append(Field(w.Feats)).Append('\t').Append(w.Head < 0 ? "_" : w.Head.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(Field(w.DepRel))
              .Append('\t').Append(Field(w.Deps)).Append('\t').Append(Field(w.Misc)).Append('\n');
        }

        sb.Append('\n');
    }

    /// <summary>A CoNLL-U field may hold neither tabs nor line breaks, and may not be empty.</summary>
    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "_";
        }

        return value.AsSpan().IndexOfAny('\t', '\n', '\r') >= 0 ? Clean(value) : value;
    }

    private static string Clean(string value) => value.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
