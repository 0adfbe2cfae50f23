using System.Diagnostics;
using System.Text;
using Parley.Cli;
using Parley.Documents;
using Parley.Intake;
using Parley.Pipeline;
using Parley.Time;
using Xunit;

namespace Parley.Tests.Time;

/// <summary>Bad input: the tagger gives a best-effort result in bounded time, never a crash.</summary>
public class TimexRobustnessTests
{
    private static NewsDocument Run(string text)
    {
        var doc = ParleyPipelines.CreateDefault().Process(DocumentInput.FromText("bad.txt", text));
        return doc;
    }

    [Fact]
    public void A_document_without_sentences_gets_no_time_expressions()
    {
        var doc = new NewsDocument("");
        new TimexTagger().Process(doc);
        Assert.Empty(doc.TimeExpressions);
    }

    [Fact]
    public void Sentences_pointing_past_the_tokens_are_skipped()
    {
        var doc = new NewsDocument("On Friday.");
        doc.Sentences.Add(new SentenceData(0, 10, 0, 5));
        new TimexTagger().Process(doc);
        Assert.Empty(doc.TimeExpressions);
    }

    [Fact]
    public void Binary_looking_text_is_handled()
    {
        var sb = new StringBuilder();
        var random = new Random(7);
        for (int i = 0; i < 20_000; i++)
        {
            sb.Append((char)random.Next(0x20, 0x2FF));
        }

        var doc = Run(sb.ToString());
        Assert.All(doc.TimeExpressions, t => Assert.True(t.Start >= 0 && t.Start + t.Length <= doc.Text.Length));
    }

    [Fact]
    public void A_huge_run_of_numbers_and_dates_finishes_in_bounded_time()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++)
        {
            sb.Append(i % 3 == 0 ? "2009 " : i % 3 == 1 ? "March 5, " : "last week ");
        }

        var clock = Stopwatch.StartNew();
        var doc = Run(sb.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.NotEmpty(doc.TimeExpressions);
    }

    [Fact]
    public void A_very_long_token_is_not_a_date()
    {
        var doc = Run(new string('9', 5000) + " " + string.Concat(Enumerable.Repeat("2009-", 2000)));
        Assert.DoesNotContain(doc.TimeExpressions, t => t.Length > 100);
    }

    [Fact]
    public void Impossible_dates_are_not_dates()
    {
        var doc = Run("It happened on 2009-02-30 and on 31/31/2009 and on February 31st, 2010.");
        Assert.DoesNotContain(doc.TimeExpressions, t => t.Value is "2009-02-30" or "2010-02-31");
    }

    [Fact]
    public void A_malformed_publication_date_is_ignored()
    {
        var doc = TimexSpecTests.Analyse("The ministers met on Friday.", "not a date");
        Assert.Equal("XXXX-WXX-5", doc.TimeExpressions.Single().Value);
    }

    [Fact]
    public void A_dateline_with_an_impossible_day_is_ignored()
    {
        var doc = Run("The ministers met on Friday.");
        doc.Metadata.Dateline = new Dateline { Raw = "GENEVA, 31 Feb", Day = 31, Month = 2 };
        new TimexTagger().Process(doc);
        Assert.Equal("XXXX-WXX-5", doc.TimeExpressions.Single().Value);
    }

    [SkippableFact]
    public void Eval_timex_reports_scores_above_a_floor_and_ends_with_json()
    {
        string data = TestData.Require("meantime-en");
        var output = new StringWriter();
        var context = new CliContext(output, new StringWriter(), () => Stream.Null);
        int rc = EvalCommand.RunTimex(context, Path.GetDirectoryName(data)!, 0, "dev");
        Assert.Equal(0, rc);
        var lines = output.ToString().TrimEnd().Split('\n');
        using var json = System.Text.Json.JsonDocument.Parse(lines[^1]);
        double valueF1 = json.RootElement.GetProperty("all").GetProperty("value").GetProperty("f1").GetDouble();
        double relaxedF1 = json.RootElement.GetProperty("all").GetProperty("relaxed").GetProperty("f1").GetDouble();

        // Floors well below the measured figures (see the report), to catch collapses only.
        Assert.True(valueF1 > 60, $"value F1 {valueF1}");
        Assert.True(relaxedF1 > 75, $"relaxed F1 {relaxedF1}");
    }

    [Fact]
    public void Eval_timex_without_data_fails_with_a_clear_message()
    {
        var error = new StringWriter();
        int rc = ParleyCli.Run(["eval", "timex", "--data", Path.Combine(Path.GetTempPath(), "no-such-parley-data")], new StringWriter(), error, () => Stream.Null);
        Assert.Equal(ParleyCli.ExitSomeFailed, rc);
        Assert.Contains("MEANTIME not found", error.ToString(), StringComparison.Ordinal);
    }
}
