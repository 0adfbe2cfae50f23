using System.Globalization;

namespace Parley.Nlp.Conllu;

/// <summary>
/// Reads CoNLL-U (universaldependencies.org/format.html). Empty nodes ("8.1") are skipped, as the
/// CoNLL 2018 scorer does. A malformed line is reported with its line number.
/// </summary>
public static class ConlluReader
{
    public static List<ConlluSentence> ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new ParleyException(ErrorCode.NotFound, $"{path}: no such CoNLL-U file");
        }

        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        return Read(reader, path);
    }

    public static List<ConlluSentence> Read(TextReader reader, string name = "input")
    {
        var sentences = new List<ConlluSentence>();
        var current = new ConlluSentence();
        bool any = false;
        int lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                if (any)
                {
                    sentences.Add(current);
                }

                current = new ConlluSentence();
                any = false;
                continue;
            }

            if (line[0] == '#')
            {
                ReadComment(current, line);
                continue;
            }

            any = true;
            var cols = line.Split('\t');
            if (cols.Length != 10)
            {
                throw Malformed(name, lineNumber, $"expected 10 tab-separated columns, found {cols.Length}");
            }

            string id = cols[0];
            if (id.Contains('.'))
            {
                continue;
            }

            int dash = id.IndexOf('-');
            if (dash > 0)
            {
                if (!int.TryParse(id.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out int first) ||
                    !int.TryParse(id.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int last) || last < first)
                {
                    throw Malformed(name, lineNumber, $"bad multi-word token id '{id}'");
                }

                current.Multiwords.Add(new ConlluMultiword(first, last, cols[1], !HasNoSpaceAfter(cols[9]), cols[9]));
                continue;
            }

            if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out int wordId) || wordId != current.Words.Count + 1)
            {
                throw Malformed(name, lineNumber, $"word id '{id}' where {current.Words.Count + 1} was expected");
            }

            int head = -1;
            if (cols[6] != "_" && !int.TryParse(cols[6], NumberStyles.None, CultureInfo.InvariantCulture, out head))
            {
                throw Malformed(name, lineNumber, $"bad head '{cols[6]}'");
            }

            current.Words.Add(new ConlluWord
            {
                Form = cols[1], Lemma = cols[2], Upos = cols[3], Xpos = cols[4], Feats = cols[5], Head = head,
                DepRel = cols[7], Deps = cols[8], Misc = cols[9], SpaceAfter = !HasNoSpaceAfter(cols[9]),
            });
        }

        if (any)
        {
            sentences.Add(current);
        }

        return sentences;
    }

    private static void ReadComment(ConlluSentence sentence, string line)
    {
        var body = line.AsSpan(1).Trim();
        if (body.StartsWith("text =", StringComparison.Ordinal) || body.StartsWith("text=", StringComparison.Ordinal))
        {
            sentence.Text = body[(body.IndexOf('=') + 1)..].Trim().ToString();
        }
        else if (body.StartsWith("sent_id", StringComparison.Ordinal) && body.Contains('='))
        {
            sentence.SentId = body[(body.IndexOf('=') + 1)..].Trim().ToString();
        }
        else if (IsMarker(body, "newdoc"))
        {
            sentence.NewDocument = true;
            sentence.NewParagraph = true;
        }
        else if (IsMarker(body, "newpar"))
        {
            sentence.NewParagraph = true;
        }
    }

    /// <summary>"# newpar", "# newpar id = x" or "# newpar = x", but not "# newpar_block = ...".</summary>
    private static bool IsMarker(ReadOnlySpan<char> body, string marker) =>
        body.StartsWith(marker, StringComparison.Ordinal) && (body.Length == marker.Length || body[marker.Length] is ' ' or '=' or '\t');

    internal static bool HasNoSpaceAfter(string misc) =>
        misc.Contains("SpaceAfter=No", StringComparison.Ordinal);

    private static ParleyException Malformed(string name, int line, string what) =>
        new(ErrorCode.MalformedInput, $"{name}, line {line}: {what}");
}
