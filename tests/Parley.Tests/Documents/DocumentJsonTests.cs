using Parley.Documents;
using Parley.Intake;
using Parley.Pipeline;
using Xunit;

namespace Parley.Tests.Documents;

public class DocumentJsonTests
{
    internal static NewsDocument RichDocument()
    {
        var text = "Lavrov meets Clinton\n\nGeneva talks\n\nSergei Lavrov said: \"We agreed.\" He met Hillary Clinton on Friday.";
        var pipeline = ParleyPipelines.CreateDefault();
        var doc = pipeline.Process(DocumentInput.FromText("rich.txt", text));
        // The layers below are placed by hand; drop what the pipeline's own components found.
        doc.Mentions.Clear();
        doc.Entities.Clear();
        doc.Events.Clear();
        doc.Metadata.Byline = "Staff";
        doc.Metadata.Published = "2009-03-07";
        doc.Metadata.Dateline = new Dateline { Raw = "GENEVA, 7 Mar - RIA Novosti.", Place = "Geneva", Day = 7, Month = 3, Source = "RIA Novosti" };
        ref var t0 = ref doc.Tokens[0];
        t0.Upos = UPos.PROPN;
        t0.Lemma = "Lavrov";
        t0.Head = 1;
        t0.DepRel = "nsubj";
        t0.Feats = "Number=Sing";
        t0.Xpos = "NNP";
        // Hand-made entity layers replace what the pipeline found, so the checks below know what to expect.
        doc.Mentions.Clear();
        doc.Entities.Clear();
        doc.Mentions.Add(new Mention { Start = 0, Length = 6, Type = "PER", Kind = MentionKind.Name, Entity = 0 });
        doc.Entities.Add(new Entity
        {
            Id = 0, Type = "PER", Name = "Sergei Lavrov", Mentions = [0],
            Actor = new Actor { Code = "RUSGOV", Country = "RUS", Sectors = ["GOV"], Role = "foreign minister", Evidence = "context" },
        });
        doc.TimeExpressions.Clear();
        doc.TimeExpressions.Add(new TimeExpression { Start = text.IndexOf("Friday"), Length = 6, Type = "DATE", Value = "2009-03-06", Inferred = true });
        doc.Quotes.Add(new Quote { Kind = QuoteKind.Direct, Content = new TextSpan(text.IndexOf("We agreed"), 10), Cue = new TextSpan(text.IndexOf("said"), 4), Speaker = 0, Confidence = 0.9 });
        doc.Events.Add(new NewsEvent
        {
            Type = "CONSULT", Mode = "visit", Cameo = "043", QuadClass = 1, Goldstein = 2.8, Sources = [0], Targets = [0],
            Place = new EventPlace { Name = "Geneva", Country = "CHE" }, Date = "2009-03-06", Evidence = [doc.Sentences[^1].Span], Confidence = 0.7,
        });
        return doc;
    }

    [Fact]
    public void Serialising_then_reading_gives_the_same_json()
    {
        var doc = RichDocument();
        string json = DocumentJson.Serialize(doc);
        var back = DocumentJson.Deserialize(json);
        Assert.Equal(json, DocumentJson.Serialize(back));
    }

    [Fact]
    public void Every_layer_survives_the_round_trip()
    {
        var doc = RichDocument();
        var back = DocumentJson.Deserialize(DocumentJson.Serialize(doc, indented: true));
        Assert.Equal(doc.Text, back.Text);
        Assert.Equal(doc.TitleSpan, back.TitleSpan);
        Assert.Equal(doc.Sections.Count, back.Sections.Count);
        Assert.Equal(doc.Sentences, back.Sentences);
        Assert.Equal(doc.Tokens.AsSpan().ToArray(), back.Tokens.AsSpan().ToArray());
        Assert.Equal("nsubj", back.Tokens[0].DepRel);
        Assert.Equal(UPos.PROPN, back.Tokens[0].Upos);
        Assert.Equal("RUSGOV", back.Entities[0].Actor!.Code);
        Assert.Equal(QuoteKind.Direct, back.Quotes[0].Kind);
        Assert.Equal("2009-03-06", back.TimeExpressions[0].Value);
        Assert.True(back.TimeExpressions[0].Inferred);
        Assert.Equal("CHE", back.Events[0].Place!.Country);
        Assert.Equal("RIA Novosti", back.Metadata.Dateline!.Source);
        Assert.Equal(doc.Layers.Order(), back.Layers.Order());
    }

    [Fact]
    public void Json_uses_the_documented_names()
    {
        string json = DocumentJson.Serialize(RichDocument());
        foreach (var name in new[] { "\"parley\":1", "\"text\":", "\"metadata\":", "\"sections\":", "\"sentences\":", "\"tokens\":", "\"upos\":\"PROPN\"", "\"mentions\":", "\"entities\":", "\"timeExpressions\":", "\"quotes\":", "\"kind\":\"direct\"", "\"events\":", "\"flags\":" })
        {
            Assert.Contains(name, json);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[1,2]")]
    [InlineData("{\"metadata\":{}}")]
    [InlineData("{\"text\":\"abc\",\"sentences\":[{\"start\":2,\"length\":5}]}")]
    [InlineData("{\"parley\":99,\"text\":\"abc\"}")]
    public void Malformed_json_gets_a_clear_error(string json)
    {
        var e = Assert.Throws<ParleyException>(() => DocumentJson.Deserialize(json));
        Assert.Equal(ErrorCode.MalformedInput, e.Code);
    }
}
