using Parley.Documents;
using Parley.Intake;
using Parley.Pipeline;
using Xunit;

namespace Parley.Tests.Pipeline;

public class PipelineTests
{
    private sealed class Component(string name, string[] requires, string[] assigns, Action<NewsDocument>? action = null, string[]? extends = null) : IDocumentComponent
    {
        public IReadOnlyList<string> Extends => extends ?? [];

        public string Name => name;

        public IReadOnlyList<string> Requires => requires;

        public IReadOnlyList<string> Assigns => assigns;

        public void Process(NewsDocument document) => action?.Invoke(document);
    }

    [Fact]
    public void A_component_whose_requirement_comes_later_is_refused()
    {
        var builder = new PipelineBuilder()
            .Add(new Component("tagger", [Layer.Tokens], [Layer.Tags]))
            .Add(new Component("tokenizer", [Layer.Text], [Layer.Tokens]));
        var e = Assert.Throws<ParleyException>(() => builder.Build());
        Assert.Equal(ErrorCode.PipelineOrder, e.Code);
        Assert.Contains("'tagger' requires 'tokens'", e.Message);
    }

    [Fact]
    public void Components_in_dependency_order_build()
    {
        var pipeline = new PipelineBuilder()
            .Add(new Component("tokenizer", [Layer.Text], [Layer.Tokens]))
            .Add(new Component("tagger", [Layer.Tokens], [Layer.Tags]))
            .Build();
        Assert.Equal(["tokenizer", "tagger"], pipeline.Components.Select(c => c.Name));
        var doc = pipeline.Process(DocumentInput.FromText("x", "Some text here."));
        Assert.Contains(Layer.Tags, doc.Layers);
        Assert.Contains(Layer.Text, doc.Layers);
    }

    [Fact]
    public void Two_components_assigning_one_layer_are_refused()
    {
        var builder = new PipelineBuilder()
            .Add(new Component("a", [Layer.Text], [Layer.Tokens]))
            .Add(new Component("b", [Layer.Text], [Layer.Tokens]));
        Assert.Equal(ErrorCode.PipelineDuplicate, Assert.Throws<ParleyException>(() => builder.Build()).Code);
    }

    [Fact]
    public void The_owner_of_a_layer_must_run_before_a_component_that_extends_it()
    {
        var wrong = new PipelineBuilder()
            .Add(new Component("events", [Layer.Text], [Layer.Events], extends: [Layer.Entities]))
            .Add(new Component("entities", [Layer.Text], [Layer.Entities]));
        var e = Assert.Throws<ParleyException>(() => wrong.Build());
        Assert.Contains("move 'entities' before 'events'", e.Message);

        new PipelineBuilder()
            .Add(new Component("entities", [Layer.Text], [Layer.Entities]))
            .Add(new Component("events", [Layer.Text], [Layer.Events], extends: [Layer.Entities]))
            .Build();
    }

    [Fact]
    public void A_built_pipeline_cannot_be_changed()
    {
        var builder = new PipelineBuilder().Add(new Component("a", [Layer.Text], [Layer.Tokens]));
        var pipeline = builder.Build();
        builder.Add(new Component("b", [Layer.Tokens], [Layer.Tags]));
        Assert.Single(pipeline.Components);
        var asList = (IList<IDocumentComponent>)pipeline.Components;
        Assert.Throws<NotSupportedException>(() => asList[0] = new Component("c", [Layer.Text], [Layer.Tags]));
    }

    [Fact]
    public void A_batch_reports_the_failing_document_and_goes_on()
    {
        var pipeline = new PipelineBuilder()
            .Add(new Component("fragile", [Layer.Text], [Layer.Tokens], d =>
            {
                if (d.Text.Contains("boom"))
                {
                    throw new InvalidOperationException("cannot handle boom");
                }
            }))
            .Build();
        var inputs = new[]
        {
            DocumentInput.FromText("a.txt", "First report text."),
            DocumentInput.FromText("b.txt", "This one goes boom."),
            new DocumentInput("c.bin", [0x89, 0x50, 0x4E, 0x47, 0, 0, 1, 2]),
            DocumentInput.FromText("d.txt", ""),
            DocumentInput.FromText("e.txt", "Last report text."),
        };
        var results = pipeline.ProcessBatch(inputs).ToList();
        Assert.Equal(["a.txt", "b.txt", "c.bin", "d.txt", "e.txt"], results.Select(r => r.Id));
        Assert.True(results[0].Succeeded);
        Assert.Equal(ErrorCode.ComponentFailed, results[1].Code);
        Assert.Contains("'fragile'", results[1].Error);
        Assert.Contains("cannot handle boom", results[1].Error);
        Assert.Equal(ErrorCode.BinaryInput, results[2].Code);
        Assert.Equal(ErrorCode.EmptyInput, results[3].Code);
        Assert.True(results[4].Succeeded);
    }

    [Fact]
    public void The_default_pipeline_builds_and_fills_sentences_and_tokens()
    {
        var doc = ParleyPipelines.CreateDefault().Process(DocumentInput.FromText("x", "Talks\n\nThe ministers met. They agreed."));
        Assert.Equal(3, doc.Sentences.Count);
        Assert.All(doc.Tokens.AsSpan().ToArray(), t => Assert.True(t.Sentence >= 0));
    }
}
