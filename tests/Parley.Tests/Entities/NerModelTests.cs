using System.Text.Json.Nodes;
using Parley.Entities;
using Parley.Entities.Ner;
using Xunit;

namespace Parley.Tests.Entities;

public class NerModelTests
{
    private static readonly string[] Types = ["PER", "ORG", "LOC"];

    private static NerSentence S(string text, params NerSpan[] spans) => new(text.Split(' '), [.. spans], "test");

    /// <summary>A tiny model trained on hand-written sentences: enough to check training, decoding and the file format.</summary>
    private static NerModel TinyModel()
    {
        var train = new List<NerSentence>();
        for (int i = 0; i < 5; i++)
        {
            train.Add(S("Pavel Orlov visited Vienna on Monday .", new(0, 2, "PER"), new(3, 4, "LOC")));
            train.Add(S("Anna Whitfield met officials of Acme Corp in Oslo .", new(0, 2, "PER"), new(5, 7, "ORG"), new(8, 9, "LOC")));
            train.Add(S("the talks were long and the officials were tired ."));
            train.Add(S("Orlov said Vienna was calm .", new(0, 1, "PER"), new(2, 3, "LOC")));
        }

        var (common, known) = NerResources.CountCase(train.Select(s => s.Words));
        var resources = new NerResources(common, known, [], EntityRecognizer.DefaultLexicons());
        var manifest = new JsonObject { ["kind"] = NerModel.Kind, ["types"] = new JsonArray("PER", "ORG", "LOC"), ["lexicons"] = new JsonArray("given-names/1", "cue-words/1", "world-gazetteer/1") };
        return NerTrainer.Train(train, resources, Types, new NerTrainingOptions { Epochs = 5, MinFeatureCount = 1 }, manifest);
    }

    [Fact]
    public void Training_learns_the_training_sentences()
    {
        var model = TinyModel();
        Assert.Equal([new NerSpan(0, 2, "PER"), new NerSpan(3, 4, "LOC")], model.Predict("Pavel Orlov visited Vienna on Monday .".Split(' ')));
    }

    [Fact]
    public void Tags_round_trip_through_BILOU()
    {
        var tags = new NerTagSet(Types);
        var s = S("a b c d e", new(0, 1, "PER"), new(1, 4, "ORG"));
        Assert.Equal(s.Spans, tags.Decode(tags.Encode(s)));
        Assert.False(tags.Allowed[(NerTagSet.Tag(0, 0) + 1) * tags.Count + NerTagSet.O]); // B-PER then O
        Assert.False(tags.Allowed[NerTagSet.Tag(1, 1)]);                                    // a sentence cannot start inside a span
    }

    [Theory]
    [InlineData("B-PER I-PER O B-LOC", "0-2 PER|3-4 LOC")]
    [InlineData("I-ORG I-ORG O I-LOC", "0-2 ORG|3-4 LOC")]
    [InlineData("B-PER B-PER I-LOC", "0-1 PER|1-2 PER|2-3 LOC")]
    [InlineData("O O", "")]
    public void Bio_and_io_labels_read_as_spans(string labels, string expected)
    {
        var spans = NerSentence.SpansFromBio(labels.Split(' '));
        Assert.Equal(expected, string.Join("|", spans.Select(s => $"{s.Start}-{s.End} {s.Type}")));
    }

    [Fact]
    public void The_model_file_round_trips()
    {
        var model = TinyModel();
        string path = Path.Combine(Path.GetTempPath(), $"parley-ner-{Guid.NewGuid():N}.pmodel");
        try
        {
            NerModelFile.Save(model, path);
            var loaded = NerModelFile.Load(path, EntityRecognizer.DefaultLexicons());
            var words = "Anna Whitfield met officials of Acme Corp in Oslo .".Split(' ');
            Assert.Equal(model.Predict(words), loaded.Predict(words));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("not a model at all")]
    [InlineData("")]
    public void A_file_that_is_not_a_model_is_refused_clearly(string content)
    {
        string path = Path.Combine(Path.GetTempPath(), $"parley-ner-{Guid.NewGuid():N}.pmodel");
        File.WriteAllText(path, content);
        try
        {
            var e = Assert.Throws<ParleyException>(() => NerModelFile.Load(path, EntityRecognizer.DefaultLexicons()));
            Assert.Equal(ErrorCode.ModelFormat, e.Code);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_truncated_model_or_an_unknown_version_is_refused_clearly()
    {
        string path = Path.Combine(Path.GetTempPath(), $"parley-ner-{Guid.NewGuid():N}.pmodel");
        try
        {
            NerModelFile.Save(TinyModel(), path);
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
            Assert.Equal(ErrorCode.ModelFormat, Assert.Throws<ParleyException>(() => NerModelFile.Load(path, EntityRecognizer.DefaultLexicons())).Code);

            bytes[8] = 99; // the version number follows the 8 magic bytes
            File.WriteAllBytes(path, bytes);
            var e = Assert.Throws<ParleyException>(() => NerModelFile.Load(path, EntityRecognizer.DefaultLexicons()));
            Assert.Contains("version 99", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_model_is_a_clear_error()
    {
        var e = Assert.Throws<ParleyException>(() => NerModelFile.Load("/nonexistent/ner.pmodel", EntityRecognizer.DefaultLexicons()));
        Assert.Equal(ErrorCode.ModelMissing, e.Code);
    }

    [SkippableFact]
    public void The_shipped_model_stays_above_a_floor_on_UNER_PUD()
    {
        string pud = TestData.Require("ner-uner-english", "pud", "en_pud-ud-test.iob2");
        var model = EntityRecognizer.TryLoadDefault();
        Assert.NotNull(model);
        var score = NerScore.Evaluate(model!, NerCorpora.ReadUner(pud, "pud"));
        Assert.True(score.Overall.F1 > 0.5, $"F1 {score.Overall.F1:P1} fell below the 50% floor (measured well above it)");
    }
}
