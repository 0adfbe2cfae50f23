using System.Text;
using Parley.Documents;
using Parley.Intake;
using Xunit;

namespace Parley.Tests.Intake;

/// <summary>
/// Runs the plain-text intake specs in Specs/Intake/*.spec. Each case gives an input and the document
/// structure expected from it, one line per block:
///   title: / heading: / paragraph: TEXT          the blocks, in order (all of them)
///   dateline: PLACE | DAY | MONTH | YEAR | SOURCE  (empty fields for unknown)
///   furniture: TEXT                               each removed line, in order (all of them)
///   flag: KIND ORIGINAL                           a flag that must be present
///   no-flag: KIND                                 a flag kind that must be absent
/// A case lists every block, so a heading found where none should be fails the case.
/// </summary>
public class IntakeSpecTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestData.Spec("Intake"), "*.spec").Order())
        {
            foreach (var c in SpecFile.Parse(file))
            {
                data.Add($"{Path.GetFileName(file)} :: {c.Name}");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Intake_spec(string id)
    {
        var parts = id.Split(" :: ", 2);
        var spec = SpecFile.Parse(TestData.Spec("Intake", parts[0])).Single(c => c.Name == parts[1]);
        var doc = PlainTextIntake.ReadText(spec.Input, new DocumentMetadata());

        var expectedBlocks = spec.Expect.Where(l => l.StartsWith("title:") || l.StartsWith("heading:") || l.StartsWith("paragraph:")).ToList();
        Assert.Equal(string.Join("\n", expectedBlocks), string.Join("\n", Blocks(doc)));

        var expectedFurniture = spec.Expect.Where(l => l.StartsWith("furniture:")).Select(l => l["furniture:".Length..].Trim()).ToList();
        Assert.Equal(expectedFurniture, doc.Metadata.Furniture);

        var dateline = spec.Expect.FirstOrDefault(l => l.StartsWith("dateline:"));
        if (dateline is null)
        {
            Assert.Null(doc.Metadata.Dateline);
        }
        else
        {
            var d = doc.Metadata.Dateline;
            Assert.NotNull(d);
            Assert.Equal(dateline["dateline:".Length..].Trim(), $"{d.Place} | {d.Day} | {d.Month} | {d.Year} | {d.Source}".Trim());
        }

        foreach (var line in spec.Expect.Where(l => l.StartsWith("flag:")))
        {
            var words = line["flag:".Length..].Trim().Split(' ', 2);
            string? original = words.Length > 1 ? words[1] : null;
            Assert.Contains(doc.Flags, f => f.Kind == words[0] && (original is null || f.Original == original));
            foreach (var f in doc.Flags.Where(f => f.Kind == words[0] && f.Original == original))
            {
                // The flag's original text is really at its original offset.
                Assert.Equal(original, spec.Input.Substring(f.OriginalOffset, original!.Length));
            }
        }

        foreach (var line in spec.Expect.Where(l => l.StartsWith("no-flag:")))
        {
            string kind = line["no-flag:".Length..].Trim();
            Assert.DoesNotContain(doc.Flags, f => f.Kind == kind);
        }
    }

    internal static IEnumerable<string> Blocks(NewsDocument doc)
    {
        var blocks = new List<(int Start, string Line)>();
        if (doc.TitleSpan is { } t)
        {
            blocks.Add((t.Start, "title: " + doc[t]));
        }

        foreach (var s in doc.Sections)
        {
            if (s.Heading is { } h)
            {
                blocks.Add((h.Start, "heading: " + doc[h]));
            }

            blocks.AddRange(s.Paragraphs.Select(p => (p.Start, "paragraph: " + doc[p])));
        }

        return blocks.OrderBy(b => b.Start).Select(b => b.Line);
    }
}

/// <summary>A spec case: a name, an input text and expectation lines.</summary>
internal sealed record SpecCase(string Name, string Input, List<string> Expect);

/// <summary>
/// Spec file format: "### name" starts a case; "--- input" and "--- expect" start its blocks.
/// Input is taken verbatim (a final newline is dropped); "\t", "\r" and "\u0007"-style escapes
/// are written as {TAB}, {CR}, {BEL} and {NBSP}.
/// </summary>
internal static class SpecFile
{
    public static List<SpecCase> Parse(string path)
    {
        var cases = new List<SpecCase>();
        string? name = null;
        var input = new StringBuilder();
        var expect = new List<string>();
        string mode = "";
        foreach (var line in File.ReadAllLines(path))
        {
            if (line.StartsWith("### "))
            {
                Flush();
                name = line[4..].Trim();
                mode = "";
            }
            else if (line == "--- input")
            {
                mode = "input";
            }
            else if (line == "--- expect")
            {
                mode = "expect";
            }
            else if (mode == "input")
            {
                input.Append(line).Append('\n');
            }
            else if (mode == "expect" && line.Trim().Length > 0)
            {
                expect.Add(line.Trim());
            }
        }

        Flush();
        return cases;

        void Flush()
        {
            if (name is not null)
            {
                string text = input.ToString();
                if (text.EndsWith('\n'))
                {
                    text = text[..^1];
                }

                text = text.Replace("{TAB}", "\t").Replace("{CR}", "\r").Replace("{BEL}", "\u0007").Replace("{NBSP}", "\u00A0");
                cases.Add(new SpecCase(name, text, [.. expect]));
            }

            name = null;
            input.Clear();
            expect = [];
        }
    }
}
