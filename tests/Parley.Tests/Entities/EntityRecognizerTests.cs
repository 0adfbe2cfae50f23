using Parley.Documents;
using Parley.Entities;
using Parley.Pipeline;
using Xunit;

namespace Parley.Tests.Entities;

public class EntityRecognizerTests
{
    private static NewsDocument Analyze(string text) =>
        ParleyPipelines.CreateDefault().Process(Parley.Intake.DocumentInput.FromText("t", text));

    private static EntityRecognizer Recognizer() => new(EntityRecognizer.TryLoadDefault() ?? throw new InvalidOperationException("models/ has no NER model"));

    [Fact]
    public void The_default_pipeline_finds_people_places_and_their_entities()
    {
        var doc = Analyze("Pavel Orlov met Anna Whitfield in London on Monday. Orlov said he was pleased.");
        Assert.Contains(doc.Mentions, m => doc[m.Span] == "London" && m.Type == "LOC" && m.Kind == MentionKind.Name);
        Assert.Contains(doc.Entities, e => e.Type == "PER" && e.Name == "Anna Whitfield");
        Assert.Contains(Layer.Entities, doc.Layers);
    }

    [Fact]
    public void Mentions_lie_on_token_boundaries_and_in_text_order()
    {
        var doc = Analyze("The ceasefire in Sudan was announced by the African Union in Addis Ababa. She left.");
        int previous = -1;
        foreach (var m in doc.Mentions)
        {
            Assert.True(m.Start >= previous);
            previous = m.Start;
            var range = doc.Tokens.Within(m.Span);
            Assert.True(range.End.Value > range.Start.Value, $"mention {doc[m.Span]} covers no whole token");
        }
    }

    [Fact]
    public void A_very_long_sentence_is_decoded_in_pieces_in_bounded_time()
    {
        string text = string.Concat(Enumerable.Repeat("Vienna and Oslo and ", 2000)) + "Rome.";
        var doc = Parley.Intake.PlainTextIntake.ReadText(text, new DocumentMetadata());
        new Parley.Nlp.RuleSegmenter().Process(doc);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Recognizer().Process(doc);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20));
        Assert.All(doc.Mentions, m => Assert.True(m.Start + m.Length <= doc.Text.Length));
    }

    [Theory]
    [InlineData("")]
    [InlineData("...")]
    [InlineData("\u200b\u200b")]
    [InlineData("ЗАГОЛОВОК статьи на русском языке.")]
    [InlineData("1234567 89 %%% $$$ ###")]
    public void Odd_input_gives_a_best_effort_result(string text)
    {
        var doc = Parley.Intake.PlainTextIntake.ReadText(text, new DocumentMetadata());
        new Parley.Nlp.RuleSegmenter().Process(doc);
        Recognizer().Process(doc);
        new EntityLinker().Process(doc);
        Assert.All(doc.Entities, e => Assert.NotEmpty(e.Mentions));
    }

    [Fact]
    public void Document_json_round_trips_with_entities()
    {
        var doc = Analyze("Pavel Orlov met Anna Whitfield in London. She said he was late.");
        var json = DocumentJson.Serialize(doc);
        var back = DocumentJson.Deserialize(json);
        Assert.Equal(json, DocumentJson.Serialize(back));
    }
}
