using System.Text.Json.Nodes;
using Parley.Nlp.Learning;
using Parley.Nlp.Models;
using Xunit;

namespace Parley.Tests.Nlp;

public sealed class ModelFileTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "parley-model-tests-" + Guid.NewGuid().ToString("N"));

    public ModelFileTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ModelFile Sample()
    {
        var file = new ModelFile(new JsonObject { ["kind"] = "test", ["licence"] = "CC BY-SA 4.0" });
        var trainer = new PerceptronTrainer(3);
        trainer.Update([1u, 2u, 3u], 2, 0);
        trainer.Tick();
        trainer.Tick();
        var weights = trainer.Freeze();
        file.AddBlock("weights", weights.Write);
        file.AddBlock("empty", _ => { });
        return file;
    }

    [Fact]
    public void Saved_model_reads_back_with_its_manifest_and_blocks()
    {
        string path = Path.Combine(_dir, "m.pmodel");
        Sample().Save(path);
        var back = ModelFile.Load(path);
        Assert.Equal("CC BY-SA 4.0", back.Manifest["licence"]!.GetValue<string>());
        using var reader = back.OpenBlock("weights", path);
        var weights = SparseModel.Read(reader);
        var scores = new int[3];
        weights.Score([1u, 2u, 3u, 99u], scores);
        Assert.True(scores[2] > 0 && scores[0] < 0 && scores[1] == 0);
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp-*"));
    }

    [Fact]
    public void Weights_with_dense_rows_score_the_same_after_writing_and_reading()
    {
        var trainer = new PerceptronTrainer(40);
        for (int c = 1; c < 40; c++)
        {
            trainer.Update([7u, (uint)(100 + c)], c, 0);
            trainer.Tick();
        }

        var weights = trainer.Freeze();
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            weights.Write(writer);
        }

        stream.Position = 0;
        var back = SparseModel.Read(new BinaryReader(stream));
        uint[] features = [7u, 105u, 139u, 9999u];
        var before = new int[40];
        var after = new int[40];
        weights.Score(features, before);
        back.Score(features, after);
        Assert.Equal(before, after);
        Assert.Equal(weights.FeatureCount, back.FeatureCount);
        Assert.All(before[1..], score => Assert.NotEqual(0, score));
    }

    [Fact]
    public void Unknown_format_version_is_refused_with_a_clear_error()
    {
        string path = Path.Combine(_dir, "m.pmodel");
        Sample().Save(path);
        var bytes = File.ReadAllBytes(path);
        bytes[8] = 99;
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<ParleyException>(() => ModelFile.Load(path));
        Assert.Equal(ErrorCode.ModelFormat, e.Code);
        Assert.Contains("version 99", e.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_refused()
    {
        string path = Path.Combine(_dir, "m.pmodel");
        File.WriteAllText(path, "hello, this is not a model");
        Assert.Equal(ErrorCode.ModelFormat, Assert.Throws<ParleyException>(() => ModelFile.Load(path)).Code);
    }

    [Fact]
    public void A_truncated_model_is_refused()
    {
        string path = Path.Combine(_dir, "m.pmodel");
        Sample().Save(path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 5)]);
        Assert.Equal(ErrorCode.ModelFormat, Assert.Throws<ParleyException>(() => ModelFile.Load(path)).Code);
    }

    [Fact]
    public void A_missing_model_says_how_to_get_one()
    {
        var e = Assert.Throws<ParleyException>(() => ModelFile.Load(Path.Combine(_dir, "absent.pmodel")));
        Assert.Equal(ErrorCode.ModelMissing, e.Code);
        Assert.Contains("parley train nlp", e.Message);
    }

    [Fact]
    public void Saving_over_an_old_model_replaces_it_whole()
    {
        string path = Path.Combine(_dir, "m.pmodel");
        File.WriteAllText(path, "old");
        Sample().Save(path);
        Assert.Equal("test", ModelFile.Load(path).Manifest["kind"]!.GetValue<string>());
    }
}
