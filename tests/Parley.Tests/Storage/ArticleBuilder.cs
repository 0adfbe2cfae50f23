using Parley.Documents;
using Parley.Pipeline;

namespace Parley.Tests.Storage;

/// <summary>
/// Builds a report with its layers filled by hand (entities, quotes, dates, events), for testing the
/// store, API and pages before the components that fill those layers exist. Spans are found by searching
/// the text for the given words, so a test reads like the annotation it stands for.
/// </summary>
internal sealed class ArticleBuilder
{
    private readonly NewsDocument _doc;
    private readonly Dictionary<string, int> _entities = new(StringComparer.Ordinal);

    private ArticleBuilder(NewsDocument doc)
    {
        _doc = doc;
    }

    public static ArticleBuilder Article(string title, params string[] paragraphs)
    {
        string text = title + "\n\n" + string.Join("\n\n", paragraphs);
        var doc = new NewsDocument(text) { TitleSpan = new TextSpan(0, title.Length) };
        doc.Metadata.Title = title;
        doc.Metadata.Format = "text";
        doc.Metadata.Language = "en";
        var section = new Section();
        int at = title.Length + 2;
        foreach (var p in paragraphs)
        {
            section.Paragraphs.Add(new TextSpan(at, p.Length));
            at += p.Length + 2;
        }

        doc.Sections.Add(section);
        foreach (var layer in Layer.FromIntake)
        {
            doc.Layers.Add(layer);
        }

        return new ArticleBuilder(doc);
    }

    public ArticleBuilder Published(string date)
    {
        _doc.Metadata.Published = date;
        return this;
    }

    public ArticleBuilder Url(string url)
    {
        _doc.Metadata.Url = url;
        return this;
    }

    public ArticleBuilder Source(string source)
    {
        _doc.Metadata.Source = source;
        return this;
    }

    /// <summary>An entity mentioned wherever any of its surface forms (default: its name) occurs.</summary>
    public ArticleBuilder Entity(string name, string type, string? country = null, string? code = null, params string[] surfaces)
    {
        var entity = new Entity { Id = _doc.Entities.Count, Type = type, Name = name };
        if (country is not null || code is not null)
        {
            entity.Actor = new Actor { Country = country, Code = code, Evidence = "test" };
            _doc.Layers.Add(Layer.Actors);
        }

        foreach (var surface in surfaces.Length == 0 ? [name] : surfaces)
        {
            foreach (int at in Occurrences(surface))
            {
                var span = new TextSpan(at, surface.Length);
                if (_doc.Mentions.Exists(m => m.Span.Overlaps(span)))
                {
                    continue;
                }

                entity.Mentions.Add(_doc.Mentions.Count);
                _doc.Mentions.Add(new Mention { Start = at, Length = surface.Length, Type = type, Kind = MentionKind.Name, Entity = entity.Id });
            }
        }

        _entities[name] = entity.Id;
        _doc.Entities.Add(entity);
        _doc.Mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        RenumberMentions();
        _doc.Layers.Add(Layer.Mentions);
        _doc.Layers.Add(Layer.Entities);
        return this;
    }

    /// <summary>A quote whose content is the first occurrence of <paramref name="content"/>, said by an entity added before.</summary>
    public ArticleBuilder Quote(string content, string? speaker, QuoteKind kind = QuoteKind.Direct, string? cue = null, string? speakerMention = null)
    {
        int at = First(content);
        var quote = new Quote { Kind = kind, Content = new TextSpan(at, content.Length), Confidence = 0.9 };
        if (speaker is not null)
        {
            quote.Speaker = _entities[speaker];
        }

        if (cue is not null)
        {
            quote.Cue = new TextSpan(First(cue), cue.Length);
        }

        if (speakerMention is not null)
        {
            quote.SpeakerMention = new TextSpan(First(speakerMention), speakerMention.Length);
        }

        _doc.Quotes.Add(quote);
        _doc.Layers.Add(Layer.Quotes);
        return this;
    }

    public ArticleBuilder Date(string surface, string value, string type = "DATE")
    {
        _doc.TimeExpressions.Add(new TimeExpression { Start = First(surface), Length = surface.Length, Type = type, Value = value });
        _doc.TimeExpressions.Sort((a, b) => a.Start.CompareTo(b.Start));
        _doc.Layers.Add(Layer.TimeExpressions);
        return this;
    }

    public ArticleBuilder Event(string type, string source, string? target = null, string? date = null, string? placeCountry = null)
    {
        var e = new NewsEvent { Type = type, Date = date, Confidence = 0.8, Sources = [_entities[source]] };
        if (target is not null)
        {
            e.Targets.Add(_entities[target]);
        }

        if (placeCountry is not null)
        {
            e.Place = new EventPlace { Country = placeCountry };
        }

        _doc.Events.Add(e);
        _doc.Layers.Add(Layer.Events);
        return this;
    }

    public ArticleBuilder Flag(string kind, string original, string message)
    {
        _doc.Flags.Add(new QualityFlag { Kind = kind, Start = 0, Length = 0, Original = original, Message = message });
        return this;
    }

    public NewsDocument Build() => _doc;

    private void RenumberMentions()
    {
        foreach (var e in _doc.Entities)
        {
            e.Mentions.Clear();
        }

        for (int i = 0; i < _doc.Mentions.Count; i++)
        {
            _doc.Entities[_doc.Mentions[i].Entity].Mentions.Add(i);
        }
    }

    private int First(string s)
    {
        int at = _doc.Text.IndexOf(s, StringComparison.Ordinal);
        return at >= 0 ? at : throw new ArgumentException($"'{s}' is not in the text");
    }

    private IEnumerable<int> Occurrences(string s)
    {
        int at = 0;
        bool any = false;
        while ((at = _doc.Text.IndexOf(s, at, StringComparison.Ordinal)) >= 0)
        {
            any = true;
            yield return at;
            at += s.Length;
        }

        if (!any)
        {
            throw new ArgumentException($"'{s}' is not in the text");
        }
    }
}

/// <summary>A small collection of hand-annotated reports, written for these tests.</summary>
internal static class SampleArticles
{
    public static NewsDocument Geneva() => ArticleBuilder.Article(
            "Foreign ministers agree to restart talks in Geneva",
            "GENEVA, 6 March. The Russian foreign minister Sergei Lavrov and the US Secretary of State Hillary Clinton met in Geneva on Friday.",
            "\"We have agreed to work on a new treaty,\" Lavrov told reporters after the meeting.",
            "Clinton said the talks were \"very productive\" and that both sides would meet again in April.")
        .Published("2009-03-06").Url("https://news.example/geneva").Source("tests/geneva.txt")
        .Entity("Sergei Lavrov", "PER", "RUS", "RUSGOV", "Sergei Lavrov", "Lavrov")
        .Entity("Hillary Clinton", "PER", "USA", "USAGOV", "Hillary Clinton", "Clinton")
        .Entity("Geneva", "LOC", "CHE", null, "Geneva", "GENEVA")
        .Quote("We have agreed to work on a new treaty,", "Sergei Lavrov", cue: "told")
        .Quote("very productive", "Hillary Clinton", QuoteKind.Partial, cue: "said")
        .Date("6 March", "2009-03-06").Date("Friday", "2009-03-06").Date("April", "2009-04")
        .Event("CONSULT", "Sergei Lavrov", "Hillary Clinton", "2009-03-06", "CHE")
        .Flag("glued-sentence", "meeting.Clinton", "a missing space was restored")
        .Build();

    public static NewsDocument Moscow() => ArticleBuilder.Article(
            "Lavrov warns against new sanctions",
            "MOSCOW, 20 April. Sergei Lavrov said on Monday that sanctions would harm negotiations with Tehran.",
            "\"Sanctions are a dead end,\" Lavrov said at a press conference in Moscow.")
        .Published("2009-04-20").Source("tests/moscow.txt")
        .Entity("Sergei Lavrov", "PER", "RUS", "RUSGOV", "Sergei Lavrov", "Lavrov")
        .Entity("Moscow", "LOC", "RUS", null, "Moscow", "MOSCOW")
        .Entity("Tehran", "LOC", "IRN", null)
        .Quote("Sanctions are a dead end,", "Sergei Lavrov", cue: "said")
        .Date("20 April", "2009-04-20")
        .Event("THREATEN", "Sergei Lavrov", null, "2009-04-20", "RUS")
        .Build();

    public static NewsDocument Brussels() => ArticleBuilder.Article(
            "NATO ministers discuss Afghanistan",
            "BRUSSELS, 5 March. Hillary Clinton asked NATO allies to send more trainers to Afghanistan.",
            "\"We need a new approach,\" Clinton said.")
        .Published("2009-03-05").Source("tests/brussels.txt")
        .Entity("Hillary Clinton", "PER", "USA", "USAGOV", "Hillary Clinton", "Clinton")
        .Entity("NATO", "ORG", "IGO", "IGOWSTNAT")
        .Entity("Afghanistan", "LOC", "AFG", null)
        .Quote("We need a new approach,", "Hillary Clinton", cue: "said")
        .Event("APPEAL", "Hillary Clinton", "NATO", "2009-03-05")
        .Build();

    /// <summary>A report with no layers beyond the intake's: it must still be stored and found.</summary>
    public static NewsDocument Plain() => ArticleBuilder.Article(
            "Weather report for the Alps",
            "Heavy snow is expected in the mountains over the weekend, the forecasters said.")
        .Published("2008-12-30")
        .Build();

    public static NewsDocument[] All() => [Geneva(), Moscow(), Brussels(), Plain()];
}
