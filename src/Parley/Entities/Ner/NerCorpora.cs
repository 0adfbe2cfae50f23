using System.Xml;

namespace Parley.Entities.Ner;

/// <summary>
/// Readers for the named-entity corpora Parley trains and evaluates on. Each returns sentences of words with
/// PER/ORG/LOC spans in the Universal NER convention: names only, without titles ("President") or determiners
/// before them; nationalities, events and works are not entities.
/// </summary>
public static class NerCorpora
{
    /// <summary>GUM genres whose texts the GUM licence names as CC BY or public domain; wikiHow and fiction are non-commercial and never read.</summary>
    public static readonly IReadOnlySet<string> GumOpenGenres = new HashSet<string>(StringComparer.Ordinal)
    {
        "news", "interview", "bio", "voyage", "textbook", "vlog", "speech", "conversation",
    };

    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "president", "mr.", "mrs.", "ms.", "mr", "mrs", "ms", "dr.", "dr", "senator", "sen.", "rep.", "representative", "gov.", "governor",
        "king", "queen", "prince", "princess", "pope", "prime", "minister", "secretary", "general", "gen.", "colonel", "col.", "captain",
        "capt.", "sir", "lord", "lady", "professor", "prof.", "judge", "justice", "chairman", "chancellor", "emperor", "empress",
        "sheikh", "ayatollah", "bishop", "archbishop", "cardinal", "rev.", "reverend", "father", "saint", "st.", "sergeant", "sgt.",
        "lieutenant", "lt.", "major", "maj.", "admiral", "adm.", "mayor", "chief", "director", "ambassador", "officer", "coach",
        "councillor", "councilman", "congressman", "congresswoman", "vice", "deputy", "foreign", "former", "late", "uncle", "aunt",
    };

    private static readonly HashSet<string> NameConnectors = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "the", "and", "&", "de", "du", "des", "la", "le", "van", "von", "der", "den", "da", "di", "del", "al", "bin", "ibn",
        "-", ".", "for", "on", "upon", "y", "'s", "’s",
    };

    /// <summary>Universal NER IOB2 files: index, word, tag, then annotator columns; "#" comments; blank lines between sentences.</summary>
    public static List<NerSentence> ReadUner(string path, string source)
    {
        var sentences = new List<NerSentence>();
        var words = new List<string>();
        var labels = new List<string>();
        string? sentId = null;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                Flush(sentId ?? source);
                continue;
            }

            if (line[0] == '#')
            {
                if (line.StartsWith("# sent_id = ", StringComparison.Ordinal))
                {
                    sentId = line["# sent_id = ".Length..];
                }

                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length < 3)
            {
                continue;
            }

            words.Add(cols[1]);
            labels.Add(cols[2]);
        }

        Flush(sentId ?? source);
        return sentences;

        void Flush(string id)
        {
            if (words.Count > 0)
            {
                sentences.Add(new NerSentence([.. words], NerSentence.SpansFromBio(labels), source + ":" + DocumentOf(id)));
            }

            words.Clear();
            labels.Clear();
        }
    }

    /// <summary>The document part of a UD sentence id ("answers-2009...-0004" → "answers-2009..."), so splits keep documents whole.</summary>
    private static string DocumentOf(string sentId)
    {
        int dash = sentId.LastIndexOf('-');
        return dash > 0 ? sentId[..dash] : sentId;
    }

    /// <summary>WikiGold: "word tag" lines with IO tags (I-PER, I-LOC, I-ORG, I-MISC, O). MISC is dropped: Universal NER has no such type.</summary>
    public static List<NerSentence> ReadWikiGold(string path)
    {
        var sentences = new List<NerSentence>();
        var words = new List<string>();
        var labels = new List<string>();
        int document = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            int space = line.LastIndexOf(' ');
            if (space <= 0)
            {
                continue;
            }

            string word = line[..space];
            if (word == "-DOCSTART-")
            {
                Flush();
                document++;
                continue;
            }

            string tag = line[(space + 1)..];
            words.Add(word);
            labels.Add(tag);
        }

        Flush();
        return sentences;

        void Flush()
        {
            if (words.Count > 0)
            {
                sentences.Add(new NerSentence([.. words], NerSentence.SpansFromBio(labels), "wikigold:" + document));
            }

            words.Clear();
            labels.Clear();
        }
    }

    /// <summary>
    /// GUM (UD CoNLL-U with Entity= brackets in MISC), open-licence genres only. A person, place or organisation
    /// mention counts as a name when its syntactic head is a proper noun; its name is the run of proper nouns around
    /// the head (with connectors such as "of" inside), without leading titles.
    /// </summary>
    public static List<NerSentence> ReadGum(string path)
    {
        var sentences = new List<NerSentence>();
        var rows = new List<GumRow>();
        string document = "";
        bool keep = false;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                if (keep && rows.Count > 0)
                {
                    sentences.Add(GumSentence(rows, document));
                }

                rows.Clear();
                continue;
            }

            if (line[0] == '#')
            {
                if (line.StartsWith("# newdoc id = ", StringComparison.Ordinal))
                {
                    document = line["# newdoc id = ".Length..].Trim();
                    var parts = document.Split('_');
                    keep = parts.Length >= 2 && parts[0] == "GUM" && GumOpenGenres.Contains(parts[1]);
                }

                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length < 10 || cols[0].Contains('-') || cols[0].Contains('.'))
            {
                continue;
            }

            string? entity = null;
            foreach (var item in cols[9].Split('|'))
            {
                if (item.StartsWith("Entity=", StringComparison.Ordinal))
                {
                    entity = item[7..];
                }
            }

            rows.Add(new GumRow(cols[1], cols[3], cols[4], int.TryParse(cols[6], out int head) ? head - 1 : -1, entity));
        }

        if (keep && rows.Count > 0)
        {
            sentences.Add(GumSentence(rows, document));
        }

        return sentences;
    }

    private sealed record GumRow(string Form, string Upos, string Xpos, int Head, string? Entity);

    private static NerSentence GumSentence(List<GumRow> rows, string document)
    {
        var mentions = new List<(int Start, int End, string Type)>();
        var open = new List<(string Id, string Type, int Start)>();
        for (int i = 0; i < rows.Count; i++)
        {
            string? e = rows[i].Entity;
            if (e is null)
            {
                continue;
            }

            int p = 0;
            while (p < e.Length)
            {
                if (e[p] == '(')
                {
                    int q = p + 1;
                    while (q < e.Length && e[q] != '(' && e[q] != ')')
                    {
                        q++;
                    }

                    var fields = e[(p + 1)..q].Split('-');
                    string id = fields[0], type = fields.Length > 1 ? fields[1] : "";
                    if (q < e.Length && e[q] == ')')
                    {
                        mentions.Add((i, i + 1, type));
                        q++;
                    }
                    else
                    {
                        open.Add((id, type, i));
                    }

                    p = q;
                }
                else
                {
                    int q = e.IndexOf(')', p);
                    if (q < 0)
                    {
                        break;
                    }

                    string id = e[p..q];
                    for (int k = open.Count - 1; k >= 0; k--)
                    {
                        if (open[k].Id == id)
                        {
                            mentions.Add((open[k].Start, i + 1, open[k].Type));
                            open.RemoveAt(k);
                            break;
                        }
                    }

                    p = q + 1;
                }
            }
        }

        // Names of all person/place/organisation mentions; a person's name loses leading titles and any
        // place or organisation named before it ("U.S. President Donald Trump" → "U.S." LOC, "Donald Trump" PER).
        var names = new List<NerSpan>();
        foreach (var (start, end, type) in mentions)
        {
            string? label = type switch { "person" => "PER", "place" => "LOC", "organization" => "ORG", "event" or "object" or "abstract" => "MISC", _ => null };
            if (label is not null && NameWithin(rows, start, end) is var (s, t))
            {
                names.Add(new NerSpan(s, t, label));
            }
        }

        for (int k = 0; k < names.Count; k++)
        {
            var n = names[k];
            if (n.Type != "PER")
            {
                continue;
            }

            int s = n.Start;
            while (s < n.End)
            {
                int inner = s;
                if (Titles.Contains(rows[s].Form))
                {
                    s++;
                    continue;
                }

                foreach (var other in names)
                {
                    if (other.Type is "LOC" or "ORG" && other.Start == s && other.End < n.End)
                    {
                        s = other.End;
                        break;
                    }
                }

                if (s == inner)
                {
                    break;
                }
            }

            // A lone plural proper noun ("Muslims", "Afghans") names a group, which is not a person.
            bool group = n.End - s == 1 && rows[s].Xpos == "NNPS";
            names[k] = s < n.End && !group ? n with { Start = s } : n with { Start = n.End };
        }

        // Longer names first, so that "University of Oxford" wins over the "Oxford" inside it.
        names.RemoveAll(n => n.End <= n.Start);
        names.Sort((a, b) => (b.End - b.Start).CompareTo(a.End - a.Start));
        var taken = new bool[rows.Count];
        var spans = new List<NerSpan>();
        foreach (var n in names)
        {
            bool free = true;
            for (int k = n.Start; k < n.End; k++)
            {
                free &= !taken[k];
            }

            if (!free)
            {
                continue;
            }

            for (int k = n.Start; k < n.End; k++)
            {
                taken[k] = true;
            }

            spans.Add(n);
        }

        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new NerSentence(rows.ConvertAll(r => r.Form).ToArray(), spans, "gum:" + document);
    }

    /// <summary>The name inside a mention whose head is a proper noun: the run of capitalised words around the head.</summary>
    private static (int, int)? NameWithin(List<GumRow> rows, int start, int end)
    {
        int head = -1;
        for (int i = start; i < end; i++)
        {
            if (rows[i].Head < start || rows[i].Head >= end)
            {
                head = i;
                break;
            }
        }

        if (head < 0 || rows[head].Upos != "PROPN")
        {
            return null;
        }

        int s = head, t = head + 1;
        while (s > start && (NamePart(rows[s - 1]) || (IsConnector(rows[s - 1].Form) && s - 1 > start && NamePart(rows[s - 2]))))
        {
            s--;
        }

        while (t < end && (NamePart(rows[t]) || (IsConnector(rows[t].Form) && t + 1 < end && NamePart(rows[t + 1]))))
        {
            t++;
        }

        return (s, t);
    }

    private static bool NamePart(GumRow row) =>
        row.Upos == "PROPN" || (row.Upos is not ("DET" or "PRON" or "PUNCT") && row.Form.Length > 0 && char.IsUpper(row.Form[0]));

    private static bool IsConnector(string word) => NameConnectors.Contains(word);

    /// <summary>
    /// MEANTIME (NewsReader CAT XML): named mentions (syntactic type NAM) of PER, ORG and LOC entities. MEANTIME
    /// mentions span the whole noun phrase ("American automobile manufacturer Chrysler LLC"), so the name is the
    /// last run of capitalised words in it. Sentences where a capitalised word (not the first) lies outside every
    /// annotated markable are skipped: there the annotation may have missed a name.
    /// </summary>
    public static List<NerSentence> ReadMeantime(string directory)
    {
        var sentences = new List<NerSentence>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            sentences.AddRange(ReadMeantimeFile(file));
        }

        return sentences;
    }

    private static List<NerSentence> ReadMeantimeFile(string file)
    {
        var xml = new XmlDocument { XmlResolver = null };
        using (var reader = XmlReader.Create(file, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null }))
        {
            xml.Load(reader);
        }

        var tokenIds = new Dictionary<string, (int Sentence, int Index)>(StringComparer.Ordinal);
        var sentenceWords = new List<List<string>>();
        foreach (XmlElement token in xml.GetElementsByTagName("token"))
        {
            int sentence = int.Parse(token.GetAttribute("sentence"), System.Globalization.CultureInfo.InvariantCulture);
            while (sentenceWords.Count <= sentence)
            {
                sentenceWords.Add([]);
            }

            tokenIds[token.GetAttribute("t_id")] = (sentence, sentenceWords[sentence].Count);
            sentenceWords[sentence].Add(token.InnerText);
        }

        var entityType = new Dictionary<string, string>(StringComparer.Ordinal);
        var mentionEntity = new Dictionary<string, string>(StringComparer.Ordinal);
        var markables = xml.GetElementsByTagName("Markables").Cast<XmlElement>().FirstOrDefault();
        var relations = xml.GetElementsByTagName("Relations").Cast<XmlElement>().FirstOrDefault();
        if (markables is null)
        {
            return [];
        }

        foreach (XmlElement entity in markables.GetElementsByTagName("ENTITY"))
        {
            entityType[entity.GetAttribute("m_id")] = entity.GetAttribute("ent_type");
        }

        if (relations is not null)
        {
            foreach (XmlElement refers in relations.GetElementsByTagName("REFERS_TO"))
            {
                var target = refers.GetElementsByTagName("target").Cast<XmlElement>().FirstOrDefault()?.GetAttribute("m_id");
                if (target is null)
                {
                    continue;
                }

                foreach (XmlElement source in refers.GetElementsByTagName("source"))
                {
                    mentionEntity[source.GetAttribute("m_id")] = target;
                }
            }
        }

        var covered = sentenceWords.ConvertAll(w => new bool[w.Count]);
        var spans = sentenceWords.ConvertAll(_ => new List<NerSpan>());
        foreach (XmlElement markable in markables.ChildNodes.OfType<XmlElement>())
        {
            var anchors = markable.GetElementsByTagName("token_anchor").Cast<XmlElement>()
                .Select(a => tokenIds.TryGetValue(a.GetAttribute("t_id"), out var at) ? at : (-1, -1)).Where(a => a.Item1 >= 0).ToList();
            if (anchors.Count == 0)
            {
                continue;
            }

            int sentence = anchors[0].Item1;
            foreach (var (s, index) in anchors)
            {
                covered[s][index] = true;
            }

            if (markable.Name != "ENTITY_MENTION" || markable.GetAttribute("syntactic_type") != "NAM"
                || !mentionEntity.TryGetValue(markable.GetAttribute("m_id"), out var entityId)
                || !entityType.TryGetValue(entityId, out var entityKind) || entityKind is not ("PER" or "ORG" or "LOC" or "PRO" or "FIN"))
            {
                continue;
            }

            string type = entityKind is "PRO" or "FIN" ? "MISC" : entityKind;
            var words = sentenceWords[sentence];
            int first = anchors.Min(a => a.Item2), last = anchors.Max(a => a.Item2);
            int t = last + 1;
            while (t > first && !IsNameWord(words[t - 1]))
            {
                t--;
            }

            int s2 = t - 1;
            while (s2 > first && (IsNameWord(words[s2 - 1]) || (IsConnector(words[s2 - 1]) && s2 - 1 > first && IsNameWord(words[s2 - 2]))))
            {
                s2--;
            }

            while (type == "PER" && t - s2 > 1 && Titles.Contains(words[s2]))
            {
                s2++;
            }

            if (t > first && s2 >= first)
            {
                spans[sentence].Add(new NerSpan(s2, t, type));
            }
        }

        var result = new List<NerSentence>();
        string name = Path.GetFileNameWithoutExtension(file);
        for (int i = 0; i < sentenceWords.Count; i++)
        {
            var words = sentenceWords[i];
            bool complete = words.Count > 0;
            for (int k = 1; k < words.Count && complete; k++)
            {
                complete = !IsCapitalised(words[k]) || covered[i][k];
            }

            if (!complete)
            {
                continue;
            }

            var list = spans[i];
            list.Sort((a, b) => a.Start.CompareTo(b.Start));
            list = RemoveOverlaps(list);
            result.Add(new NerSentence([.. words], list, "meantime:" + name));
        }

        return result;
    }

    private static List<NerSpan> RemoveOverlaps(List<NerSpan> sorted)
    {
        var result = new List<NerSpan>();
        foreach (var span in sorted)
        {
            if (result.Count > 0 && span.Start < result[^1].End)
            {
                continue;
            }

            result.Add(span);
        }

        return result;
    }

    private static bool IsCapitalised(string word) => word.Length > 0 && char.IsUpper(word[0]);

    private static readonly HashSet<string> FunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your", "it", "he", "she", "they", "we", "i",
    };

    private static bool IsNameWord(string word) => IsCapitalised(word) && !FunctionWords.Contains(word);

    /// <summary>Words of a CoNLL-U file (FORM column), sentence by sentence; used as unlabelled text.</summary>
    public static IEnumerable<string[]> ReadConlluWords(string path)
    {
        var words = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                if (words.Count > 0)
                {
                    yield return [.. words];
                }

                words.Clear();
                continue;
            }

            if (line[0] == '#')
            {
                continue;
            }

            int tab = line.IndexOf('\t');
            int tab2 = tab < 0 ? -1 : line.IndexOf('\t', tab + 1);
            if (tab2 < 0 || line.AsSpan(0, tab).Contains('-') || line.AsSpan(0, tab).Contains('.'))
            {
                continue;
            }

            words.Add(line[(tab + 1)..tab2]);
        }

        if (words.Count > 0)
        {
            yield return [.. words];
        }
    }
}
