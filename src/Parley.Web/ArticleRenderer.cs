using Parley.Documents;
using Parley.Storage;

namespace Parley.Web;

/// <summary>
/// Renders an article's text with its layers marked in place: quotes (with the speaker), entity mentions
/// and dates. Spans may nest or cross; at every boundary the open elements are closed and the still
/// active ones reopened, outermost first, so the markup is always well nested.
/// </summary>
internal static class ArticleRenderer
{
    private enum Kind
    {
        Quote = 0,
        Mention = 1,
        Date = 2,
    }

    private sealed record Mark(int Start, int End, Kind Kind, int Index);

    public static void RenderText(Html html, NewsDocument d, IReadOnlyDictionary<string, long> entityIds)
    {
        var marks = Marks(d);
        var spokenLabelShown = new HashSet<int>();
        if (d.TitleSpan is { } title && title.End <= d.Text.Length)
        {
            html.Open("h1", "title");
            RenderBlock(html, d, title, marks, entityIds, spokenLabelShown);
            html.Close("h1");
        }
        else
        {
            html.Element("h1", d.Metadata.Title ?? "(untitled)", "title");
        }

        html.Open("div", "text");
        bool any = false;
        foreach (var section in d.Sections)
        {
            if (section.Heading is { } heading && heading.End <= d.Text.Length)
            {
                html.Open("h2");
                RenderBlock(html, d, heading, marks, entityIds, spokenLabelShown);
                html.Close("h2");
            }

            foreach (var p in section.Paragraphs)
            {
                if (p.End > d.Text.Length)
                {
                    continue;
                }

                any = true;
                html.Open("p");
                RenderBlock(html, d, p, marks, entityIds, spokenLabelShown);
                html.Close("p");
            }
        }

        if (!any)
        {
            int start = d.TitleSpan?.End ?? 0;
            html.Open("p");
            RenderBlock(html, d, TextSpan.FromBounds(start, d.Text.Length), marks, entityIds, spokenLabelShown);
            html.Close("p");
        }

        html.Close("div");
    }

    /// <summary>The speaker's name for a quote: the resolved entity, else the words naming the speaker.</summary>
    public static string? SpeakerName(NewsDocument d, Quote q) =>
        q.Speaker is { } s && s >= 0 && s < d.Entities.Count ? d.Entities[s].Name
        : q.SpeakerMention is { } m && m.End <= d.Text.Length ? d[m] : null;

    /// <summary>The store id of the entity at index <paramref name="entity"/> of the document, when it is stored.</summary>
    public static long? EntityId(NewsDocument d, int entity, IReadOnlyDictionary<string, long> ids) =>
        entity >= 0 && entity < d.Entities.Count && ids.TryGetValue(DocumentIndex.EntityKey(d.Entities[entity].Type, d.Entities[entity].Name), out long id) ? id : null;

    private static List<Mark> Marks(NewsDocument d)
    {
        var marks = new List<Mark>();
        int n = d.Text.Length;
        for (int i = 0; i < d.Quotes.Count; i++)
        {
            var c = d.Quotes[i].Content;
            if (c.Start >= 0 && c.End <= n && c.Length > 0)
            {
                marks.Add(new Mark(c.Start, c.End, Kind.Quote, i));
            }
        }

        for (int i = 0; i < d.Mentions.Count; i++)
        {
            var m = d.Mentions[i];
            if (m.Start >= 0 && m.Start + m.Length <= n && m.Length > 0)
            {
                marks.Add(new Mark(m.Start, m.Start + m.Length, Kind.Mention, i));
            }
        }

        for (int i = 0; i < d.TimeExpressions.Count; i++)
        {
            var t = d.TimeExpressions[i];
            if (t.Start >= 0 && t.Start + t.Length <= n && t.Length > 0)
            {
                marks.Add(new Mark(t.Start, t.Start + t.Length, Kind.Date, i));
            }
        }

        return marks;
    }

    private static void RenderBlock(Html html, NewsDocument d, TextSpan block, List<Mark> all, IReadOnlyDictionary<string, long> ids, HashSet<int> labelled)
    {
        var marks = all.Where(m => m.Start < block.End && m.End > block.Start).ToList();
        var cuts = new SortedSet<int> { block.Start, block.End };
        foreach (var m in marks)
        {
            cuts.Add(Math.Max(m.Start, block.Start));
            cuts.Add(Math.Min(m.End, block.End));
        }

        var open = new List<Mark>();
        int previous = -1;
        foreach (int cut in cuts)
        {
            if (previous >= 0 && cut > previous)
            {
                int a = previous;
                var active = marks.Where(m => m.Start <= a && m.End > a)
                    .OrderBy(m => m.Kind).ThenBy(m => m.Start).ThenByDescending(m => m.End).ToList();
                int common = 0;
                while (common < open.Count && common < active.Count && open[common] == active[common])
                {
                    common++;
                }

                for (int i = open.Count - 1; i >= common; i--)
                {
                    html.Close(Tag(open[i].Kind, d));
                }

                open.RemoveRange(common, open.Count - common);
                for (int i = common; i < active.Count; i++)
                {
                    OpenMark(html, d, active[i], ids, labelled);
                    open.Add(active[i]);
                }

                html.Text(d.Text.Substring(a, cut - a));
            }

            previous = cut;
        }

        for (int i = open.Count - 1; i >= 0; i--)
        {
            html.Close(Tag(open[i].Kind, d));
        }
    }

    private static string Tag(Kind kind, NewsDocument d) => kind switch
    {
        Kind.Mention => "a",
        _ => "span",
    };

    private static void OpenMark(Html html, NewsDocument d, Mark mark, IReadOnlyDictionary<string, long> ids, HashSet<int> labelled)
    {
        switch (mark.Kind)
        {
            case Kind.Quote:
            {
                var q = d.Quotes[mark.Index];
                string? speaker = SpeakerName(d, q);
                html.Open("span", "quote quote-" + q.Kind.ToString().ToLowerInvariant(), ("data-quote", mark.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("title", speaker is null ? "quote (speaker unknown)" : "quote: " + speaker));
                if (labelled.Add(mark.Index))
                {
                    long? id = q.Speaker is { } s ? EntityId(d, s, ids) : null;
                    if (id is { } sid)
                    {
                        html.Link($"/speakers/{sid}", speaker, "speaker");
                    }
                    else
                    {
                        html.Element("span", speaker ?? "?", "speaker");
                    }
                }

                break;
            }

            case Kind.Mention:
            {
                var m = d.Mentions[mark.Index];
                long? id = EntityId(d, m.Entity, ids) ?? (ids.TryGetValue(DocumentIndex.EntityKey(m.Type, d.Text.Substring(m.Start, m.Length)), out long direct) ? direct : null);
                string title = m.Entity >= 0 && m.Entity < d.Entities.Count
                    ? $"{d.Entities[m.Entity].Name} · {m.Type}{(d.Entities[m.Entity].Actor?.Country is { } c ? " · " + c : "")}"
                    : m.Type;
                html.Open("a", "entity ent-" + CssToken(m.Type), ("href", id is { } eid ? $"/entities/{eid}" : null), ("title", title));
                break;
            }

            default:
            {
                var t = d.TimeExpressions[mark.Index];
                html.Open("span", "date", ("title", $"{t.Type} {t.Value}"));
                break;
            }
        }
    }

    /// <summary>Keeps a type label usable in a class name whatever a component wrote there.</summary>
    private static string CssToken(string s)
    {
        var chars = s.Where(char.IsAsciiLetterOrDigit).Take(12).ToArray();
        return chars.Length == 0 ? "X" : new string(chars);
    }
}
