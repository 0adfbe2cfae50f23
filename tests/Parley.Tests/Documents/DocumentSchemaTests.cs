using System.Text.Json.Nodes;
using Json.Schema;
using Parley.Intake;
using Parley.Pipeline;
using Xunit;

namespace Parley.Tests.Documents;

/// <summary>The documented schema (docs/document.schema.json) describes exactly what Parley writes.</summary>
public class DocumentSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(TestData.RepoRoot, "docs", "document.schema.json")));

    private static void AssertValid(string json)
    {
        var result = Schema.Evaluate(System.Text.Json.JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}");
        Assert.True(result.IsValid, string.Join("\n", errors));
    }

    [Fact]
    public void A_document_with_every_layer_matches_the_schema()
    {
        AssertValid(Parley.Documents.DocumentJson.Serialize(DocumentJsonTests.RichDocument()));
    }

    [Fact]
    public void The_default_pipeline_output_matches_the_schema()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(TestData.RepoRoot, "samples"), "*.txt"))
        {
            var doc = ParleyPipelines.CreateDefault().Process(DocumentInput.FromFile(file));
            AssertValid(Parley.Documents.DocumentJson.Serialize(doc));
        }
    }

    [Fact]
    public void The_schema_rejects_an_undocumented_field()
    {
        var node = JsonNode.Parse(Parley.Documents.DocumentJson.Serialize(ParleyPipelines.CreateDefault().Process(DocumentInput.FromText("x", "Some text."))))!;
        node["surprise"] = 1;
        Assert.False(Schema.Evaluate(System.Text.Json.JsonDocument.Parse(node.ToJsonString()).RootElement).IsValid);
    }
}
