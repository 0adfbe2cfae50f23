using Parley.Documents;
using Parley.Events;
using Parley.Events.Codebook;
using Xunit;
using static Parley.Tests.Events.EventTestDocuments;

namespace Parley.Tests.Events;

/// <summary>Small hand-written sentences with the events Parley's own patterns must code, and cases where it must abstain.</summary>
public class EventCodingSpecTests
{
    [Theory]
    [InlineData("Russia imposed sanctions on Iran.", "RUS>IRN:163", "SANCTION")]
    [InlineData("France condemned Syria on Monday.", "FRA>SYR:111", "ACCUSE")]
    [InlineData("Egypt hosted a delegation from Sudan.", "EGY>SUD:043", "CONSULT")]
    [InlineData("Japan arrested the crew of a Chinese trawler.", "JPN>:173", "COERCE")]
    [InlineData("Turkey urged Armenia to release the prisoners.", "TUR>ARM:0253", "REQUEST")]
    [InlineData("Ukraine rejected the proposal from Belarus.", "UKR>BLR:120", "REJECT")]
    [InlineData("Israel threatened Lebanon with military action.", "ISR>LBN:138", "THREATEN")]
    [InlineData("Norway sent humanitarian aid to Yemen.", "NOR>YEM:073", "AID")]
    [InlineData("Kenya released the hostages from Somalia.", "KEN>SOM:0841", "RETREAT")]
    public void Codes_the_event_of_a_simple_sentence(string text, string expected, string type)
    {
        var actors = new[] { "Russia:RUS", "Iran:IRN", "France:FRA", "Syria:SYR", "Egypt:EGY", "Sudan:SUD", "Japan:JPN", "Turkey:TUR", "Armenia:ARM",
            "Ukraine:UKR", "Belarus:BLR", "Israel:ISR", "Lebanon:LBN", "Norway:NOR", "Yemen:YEM", "Kenya:KEN", "Somalia:SOM" }
            .Select(a => (a.Split(':')[0], a.Split(':')[1])).Where(a => text.Contains(a.Item1)).ToArray();
        var d = Code(Build(text, actors));
        Assert.Contains(expected, Summaries(d));
        var e = d.Events.Single(x => Summaries(d)[d.Events.IndexOf(x)] == expected);
        Assert.Equal(type, e.Type);
        Assert.Equal(PloverTypes.QuadClass(type), e.QuadClass);
        Assert.Equal(EventCodebook.Default.Lookup(e.Cameo)!.Goldstein, e.Goldstein);
    }

    [Fact]
    public void Verbal_statements_are_told_from_material_acts()
    {
        var verbal = Code(Build("France condemned Syria.", ("France", "FRA"), ("Syria", "SYR"))).Events.Single();
        var material = Code(Build("Russia imposed sanctions on Iran.", ("Russia", "RUS"), ("Iran", "IRN"))).Events.Single();
        Assert.True(verbal.Verbal);
        Assert.False(material.Verbal);
    }

    [Theory]
    [InlineData("Russia did not impose sanctions on Iran.")]
    [InlineData("Russia never imposed sanctions on Iran.")]
    [InlineData("If Russia imposes sanctions on Iran, oil prices will rise.")]
    public void Abstains_on_negated_or_hypothetical_events(string text)
    {
        var d = Code(Build(text, ("Russia", "RUS"), ("Iran", "IRN")));
        Assert.Empty(d.Events);
    }

    [Theory]
    [InlineData("Russia said nothing about Iran.")]
    [InlineData("Russia and Iran are large countries.")]
    [InlineData("The weather in Iran was warm.")]
    public void Emits_no_fallback_code_when_no_pattern_applies(string text)
    {
        var d = Code(Build(text, ("Russia", "RUS"), ("Iran", "IRN")));
        Assert.Empty(d.Events);
    }

    [Fact]
    public void Needs_a_recipient_where_PLOVER_requires_one()
    {
        // SANCTION requires a recipient; "imposed sanctions" with no one named is left alone.
        var d = Code(Build("Russia imposed new sanctions.", ("Russia", "RUS")));
        Assert.Empty(d.Events);
    }

    [Fact]
    public void A_meeting_between_two_actors_is_reciprocal_with_place_and_date()
    {
        var d = Build("The first meeting between Lavrov and Clinton began in Geneva.", "2009-03-06", ("Lavrov", "RUSGOV"), ("Clinton", "USAGOV"));
        int geneva = AddEntity(d, "Geneva", "CHE", "LOC");
        Code(d);
        var e = Assert.Single(d.Events);
        Assert.Equal("CONSULT", e.Type);
        Assert.True(e.Reciprocal);
        Assert.Empty(e.Targets);
        Assert.Equal(["RUSGOV", "USAGOV"], e.Sources.Select(i => EventComponent.ActorCode(d.Entities[i].Actor)).Order());
        Assert.Equal("Geneva", e.Place?.Name);
        Assert.Equal("CHE", e.Place?.Country);
        Assert.Equal(d.Entities[geneva].Name, e.Place?.Name);
        Assert.Equal("2009-03-06", e.Date);
        Assert.Equal(d.Sentences[0].Span, Assert.Single(e.Evidence));
    }

    [Fact]
    public void A_title_before_a_name_does_not_replace_the_person()
    {
        // "Russian" (RUS) + "Minister" (GOV) and the name (RUSGOV) give one code; the member is the named person.
        var d = Build("The meeting between Russian foreign Minister Lavrov and U.S. Secretary of state Clinton began in Geneva.", "2009-03-06",
            ("Russian", "RUS"), ("Lavrov", "RUSGOV"), ("U.S.", "USA"), ("Clinton", "USAGOV"));
        var e = Assert.Single(Code(d).Events);
        Assert.Equal("CONSULT", e.Type);
        Assert.Equal(["Clinton", "Lavrov"], e.Sources.Select(i => d.Entities[i].Name).Order());
    }

    [Fact]
    public void The_date_comes_from_the_sentence_before_the_document()
    {
        var d = Build("Russia imposed sanctions on Iran on Friday.", "2009-03-07", ("Russia", "RUS"), ("Iran", "IRN"));
        int at = d.Text.IndexOf("Friday", StringComparison.Ordinal);
        d.TimeExpressions.Add(new TimeExpression { Start = at, Length = 6, Type = "DATE", Value = "2009-03-06" });
        Assert.Equal("2009-03-06", Code(d).Events.Single().Date);
    }

    [Fact]
    public void A_cooperative_act_in_the_future_is_an_intention()
    {
        var d = Code(Build("Norway will send humanitarian aid to Yemen.", ("Norway", "NOR"), ("Yemen", "YEM")));
        var e = Assert.Single(d.Events);
        Assert.Equal("AGREE", e.Type);
        Assert.Equal("0333", e.Cameo);
    }

    [Fact]
    public void An_event_inside_a_quote_is_claimed_by_the_speaker()
    {
        var d = Build("\"Russia imposed sanctions on Iran,\" Lavrov said.", ("Russia", "RUS"), ("Iran", "IRN"), ("Lavrov", "RUSGOV"));
        int speaker = d.Entities.FindIndex(e => e.Name == "Lavrov");
        int open = d.Text.IndexOf('"') + 1, close = d.Text.IndexOf('"', open);
        d.Quotes.Add(new Quote { Kind = QuoteKind.Direct, Content = TextSpan.FromBounds(open, close), Speaker = speaker, Confidence = 0.9 });
        var e = Code(d).Events.Single(x => x.Cameo == "163");
        Assert.Equal(speaker, e.ClaimedBy);

        var asserted = Code(Build("Russia imposed sanctions on Iran.", ("Russia", "RUS"), ("Iran", "IRN"))).Events.Single();
        Assert.Null(asserted.ClaimedBy);
    }

    [Fact]
    public void Reports_of_one_event_merge_and_keep_every_evidence_sentence()
    {
        var d = Code(Build("Russia imposed sanctions on Iran. Later, Russia imposed sanctions on Iran again.", ("Russia", "RUS"), ("Iran", "IRN")));
        var e = Assert.Single(d.Events);
        Assert.Equal(2, e.Evidence.Count);
        Assert.Equal(d.Sentences.Select(s => s.Span), e.Evidence);
    }

    [Fact]
    public void One_sentence_never_yields_the_same_event_twice()
    {
        var d = Code(Build("Russia imposed sanctions on Iran and imposed sanctions on Iran.", ("Russia", "RUS"), ("Iran", "IRN")));
        Assert.Single(d.Events);
    }

    [Fact]
    public void Agent_nouns_make_actors_with_sectors()
    {
        var d = Code(Build("Russian police arrested students in Moscow.", ("Russian", "RUS")));
        var e = Assert.Single(d.Events);
        Assert.Equal("COERCE", e.Type);
        Assert.Equal("RUSCOP", EventComponent.ActorCode(d.Entities[e.Sources[0]].Actor));
        Assert.Equal("---EDU", EventComponent.ActorCode(d.Entities[e.Targets[0]].Actor));
    }

    [Fact]
    public void The_subject_comes_from_the_dependency_parse_when_there_is_one()
    {
        // "Egypt , after talks with Jordan , condemned Israel ." with a hand-made parse: the subject is Egypt, not Jordan.
        var d = Build("Egypt, after talks with Jordan, condemned Israel.", ("Egypt", "EGY"), ("Jordan", "JOR"), ("Israel", "ISR"));
        var tokens = d.Tokens.AsWritableSpan();
        string[] forms = ["Egypt", ",", "after", "talks", "with", "Jordan", ",", "condemned", "Israel", "."];
        Assert.Equal(forms, tokens.ToArray().Select(t => d.Text.Substring(t.Start, t.Length)));
        (UPos Pos, int Head, string Rel)[] parse =
        [
            (UPos.PROPN, 7, "nsubj"), (UPos.PUNCT, 3, "punct"), (UPos.ADP, 3, "case"), (UPos.NOUN, 7, "obl"), (UPos.ADP, 5, "case"),
            (UPos.PROPN, 3, "nmod"), (UPos.PUNCT, 3, "punct"), (UPos.VERB, -1, "root"), (UPos.PROPN, 7, "obj"), (UPos.PUNCT, 7, "punct"),
        ];
        for (int i = 0; i < tokens.Length; i++)
        {
            tokens[i].Upos = parse[i].Pos;
            tokens[i].Head = parse[i].Head;
            tokens[i].DepRel = parse[i].Rel;
            tokens[i].Lemma = forms[i] == "condemned" ? "condemn" : forms[i].ToLowerInvariant();
        }

        Assert.Contains("EGY>ISR:111", Summaries(Code(d)));
        Assert.DoesNotContain(Summaries(d), s => s.StartsWith("JOR>", StringComparison.Ordinal));
    }

    [Fact]
    public void With_tags_a_noun_is_not_coded_as_a_verb()
    {
        var d = Build("Egypt condemned the attack on Israel.", ("Egypt", "EGY"), ("Israel", "ISR"));
        var tokens = d.Tokens.AsWritableSpan();
        UPos[] tags = [UPos.PROPN, UPos.VERB, UPos.DET, UPos.NOUN, UPos.ADP, UPos.PROPN, UPos.PUNCT];
        for (int i = 0; i < tokens.Length; i++)
        {
            tokens[i].Upos = tags[i];
        }

        Assert.Equal(["EGY>ISR:111"], Summaries(Code(d)));
    }
}
