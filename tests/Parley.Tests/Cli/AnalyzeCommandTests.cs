using System.Text;
using System.Text.Json;
using Parley.Cli;
using Xunit;

namespace Parley.Tests.Cli;

public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Out, string Err) Run(string[] args, string stdin = "")
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = ParleyCli.Run(args, output, error, () => new MemoryStream(Encoding.UTF8.GetBytes(stdin)));
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Text_view_shows_title_dateline_sections_and_flags()
    {
        string path = File("report.txt", "Talks begin \\today\\\n\nGENEVA, 7 Mar - RIA Novosti. The ministers met on Friday.\n\nShare this");
        var (code, output, _) = Run(["analyze", path]);
        Assert.Equal(0, code);
        Assert.Contains("Title:     Talks begin \"today\"", output);
        Assert.Contains("Dateline:  Geneva, 7 March (year unknown) — RIA Novosti", output);
        Assert.Contains("   The ministers met on Friday.", output);
        Assert.Contains("Removed as site furniture (1): Share this", output);
        Assert.Contains("quote-artefact", output);
    }

    [Fact]
    public void One_input_as_json_is_one_object_and_two_are_an_array()
    {
        string a = File("a.txt", "First report.");
        string b = File("b.txt", "Second report.");
        var one = Run(["analyze", "--format", "json", a]);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(one.Out).RootElement.ValueKind);
        var two = Run(["analyze", "--format", "json", a, b]);
        var array = JsonDocument.Parse(two.Out).RootElement;
        Assert.Equal(2, array.GetArrayLength());
        Assert.Equal("Second report.", array[1].GetProperty("text").GetString());
    }

    [Fact]
    public void Jsonl_prints_one_line_per_document_from_a_directory()
    {
        File("d/1.txt", "One.");
        File("d/sub/2.txt", "Two.");
        File("d/image.png", "not read: not a document extension");
        File("d/.hidden.txt", "not read: hidden");
        var (code, output, _) = Run(["analyze", "--format", "jsonl", Path.Combine(_dir, "d")]);
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => JsonDocument.Parse(l));
    }

    [Fact]
    public void Standard_input_is_read_with_a_dash()
    {
        var (code, output, _) = Run(["analyze", "--format", "jsonl", "-"], "Talks\n\nThe ministers met.");
        Assert.Equal(0, code);
        Assert.Equal("Talks", JsonDocument.Parse(output).RootElement.GetProperty("metadata").GetProperty("title").GetString());
    }

    [Fact]
    public void Some_bad_inputs_give_exit_code_1_and_one_line_each_while_the_rest_go_on()
    {
        string good = File("good.txt", "A good report.");
        string empty = File("empty.txt", "");
        string binary = Path.Combine(_dir, "binary.txt");
        System.IO.File.WriteAllBytes(binary, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]);
        string missing = Path.Combine(_dir, "missing.txt");
        var (code, output, error) = Run(["analyze", "--format", "jsonl", good, empty, binary, missing]);
        Assert.Equal(1, code);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains(empty) && l.Contains("[P001] empty input"));
        Assert.Contains(lines, l => l.Contains(binary) && l.Contains("[P002] binary input") && l.Contains("PNG"));
        Assert.Contains(lines, l => l.Contains(missing) && l.Contains("[P006]"));
        Assert.DoesNotContain("   at ", error);
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("analyze --format xml x.txt")]
    [InlineData("analyze --no-such-option x.txt")]
    [InlineData("no-such-command")]
    public void Usage_errors_give_exit_code_2(string args)
    {
        var (code, _, error) = Run(args.Split(' '));
        Assert.Equal(2, code);
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Undecodable_text_gets_a_one_line_message()
    {
        // Invalid UTF-8 with mostly high bytes that no detector recognises, or decoded best-effort: never a crash.
        string path = Path.Combine(_dir, "odd.txt");
        System.IO.File.WriteAllBytes(path, [0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC, 0xF8, 0xA1, 0xA1, 0xA1, 0xA1]);
        var (code, _, error) = Run(["analyze", path]);
        Assert.True(code is 0 or 1);
        Assert.True(code == 0 || (error.Contains("[P003]") && error.Trim().Split('\n').Length == 1), error);
    }
}
