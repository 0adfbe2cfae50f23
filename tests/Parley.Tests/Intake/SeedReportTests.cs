using System.Text.Json;
using Parley.Cli;
using Xunit;

namespace Parley.Tests.Intake;

/// <summary>The foundation's acceptance checks on the seed report, through `parley analyze --format json`.</summary>
public class SeedReportTests
{
    private static JsonElement AnalyzeSeed()
    {
        string seed = TestData.Require("seed", "000_53c4489924289c88.txt");
        var output = new StringWriter();
        var error = new StringWriter();
        int code = ParleyCli.Run(["analyze", "--format", "json", seed], output, error, () => Stream.Null);
        Assert.True(code == 0, error.ToString());
        return JsonDocument.Parse(output.ToString()).RootElement;
    }

    private static string Slice(JsonElement doc, JsonElement span) =>
        doc.GetProperty("text").GetString()!.Substring(span.GetProperty("start").GetInt32(), span.GetProperty("length").GetInt32());

    [SkippableFact]
    public void Title_is_found_and_its_quote_artefact_repaired()
    {
        var doc = AnalyzeSeed();
        Assert.Equal("The U.S. and Russia began \"restart\" relations", doc.GetProperty("metadata").GetProperty("title").GetString());
        Assert.Equal("The U.S. and Russia began \"restart\" relations", Slice(doc, doc.GetProperty("title")));
    }

    [SkippableFact]
    public void All_six_subheadings_are_section_headings_and_nothing_else_is()
    {
        var doc = AnalyzeSeed();
        var headings = doc.GetProperty("sections").EnumerateArray()
            .Where(s => s.TryGetProperty("heading", out _))
            .Select(s => Slice(doc, s.GetProperty("heading")))
            .ToList();
        Assert.Equal(
        [
            "The first bilateral meeting between Sergei Lavrov and Hillary Clinton",
            "The US and Russia hope to the end of the year to reach a new agreement on strategic offensive arms",
            "Iran is one of the main topics of the talks",
            "Stabilization in Afghanistan - a common problem",
            "Problematic issues remain Kosovo and Georgia",
            "One practical result of the meeting has already been achieved",
        ], headings);
    }

    [SkippableFact]
    public void Dateline_is_parsed_and_taken_out_of_the_body()
    {
        var doc = AnalyzeSeed();
        var dateline = doc.GetProperty("metadata").GetProperty("dateline");
        Assert.Equal("Geneva", dateline.GetProperty("place").GetString());
        Assert.Equal(7, dateline.GetProperty("day").GetInt32());
        Assert.Equal(3, dateline.GetProperty("month").GetInt32());
        Assert.Equal("RIA Novosti", dateline.GetProperty("source").GetString());
        Assert.Equal("GENEVA, 7 Mar - RIA Novosti.", dateline.GetProperty("raw").GetString());

        // The year is not written: either absent, or present and marked as inferred.
        if (dateline.TryGetProperty("year", out var year))
        {
            Assert.Equal(2009, year.GetInt32());
            Assert.True(dateline.GetProperty("yearInferred").GetBoolean());
        }

        string text = doc.GetProperty("text").GetString()!;
        Assert.DoesNotContain("GENEVA", text);
        Assert.DoesNotContain("RIA Novosti", text);
        Assert.Contains("Intercontinental hotel.\n\nThe Russian foreign Minister", text);
    }

    [SkippableFact]
    public void Russian_site_furniture_is_listed_apart_and_not_in_the_body()
    {
        var doc = AnalyzeSeed();
        var furniture = doc.GetProperty("metadata").GetProperty("furniture").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Equal(["Похожие статьи", "Ваше имя", "Ваша почта", "Город, область", "Рассылка комментариев", "Ввести код:"], furniture);
        string text = doc.GetProperty("text").GetString()!;
        Assert.DoesNotMatch("[\u0400-\u04FF]", text);
    }

    [SkippableFact]
    public void The_restart_artefact_is_flagged_with_its_original_text_and_offset()
    {
        string seedText = File.ReadAllText(TestData.Require("seed", "000_53c4489924289c88.txt"));
        var doc = AnalyzeSeed();
        var flag = doc.GetProperty("flags").EnumerateArray().Single(f => f.GetProperty("kind").GetString() == "quote-artefact");
        Assert.Equal("\\restart\\", flag.GetProperty("original").GetString());
        Assert.Equal("\\restart\\", seedText.Substring(flag.GetProperty("originalOffset").GetInt32(), 9));
        Assert.Equal("\"restart\"", Slice(doc, flag));
    }

    [SkippableFact]
    public void Sentences_and_tokens_cover_the_body()
    {
        var doc = AnalyzeSeed();
        int sentences = doc.GetProperty("sentences").GetArrayLength();
        int tokens = doc.GetProperty("tokens").GetArrayLength();
        Assert.InRange(sentences, 45, 90);
        Assert.InRange(tokens, 1300, 1700);
    }
}
