using Parley.Cli;
using Parley.Documents;
using Parley.Intake;
using Parley.Pipeline;
using Parley.Time;
using Xunit;
using static Parley.Tests.Time.TimexSpecTests;

namespace Parley.Tests.Time;

/// <summary>Where the document date comes from, and the dateline year inferred from the text.</summary>
public class DocumentDateTests
{
    private const string WireReport =
        "Lavrov and Clinton meet\n\n" +
        "GENEVA, 7 Mar - RIA Novosti. Both ministers called their Geneva meeting on Friday a success. " +
        "Their old arms treaty lapses on 5 December 2009, and they want a successor signed by December 5 this year. " +
        "Another meeting is planned for March 27 in Moscow. Both sides want a deal before the end of the year.";

    [Fact]
    public void A_dateline_without_a_year_gets_it_from_a_date_written_both_ways()
    {
        var doc = ParleyPipelines.CreateDefault().Process(DocumentInput.FromText("wire.txt", WireReport));
        var dateline = doc.Metadata.Dateline!;
        Assert.Equal(2009, dateline.Year);
        Assert.True(dateline.YearInferred);
        Assert.Equal("2009-03-07", dateline.DateValue);

        var friday = Find(doc, "Friday");
        Assert.Equal("2009-03-06", friday.Value);
        Assert.True(friday.Inferred);
        Assert.Equal("2009-03-27", Find(doc, "March 27").Value);
        Assert.True(Find(doc, "March 27").Inferred);
        Assert.Equal("2009-12", Find(doc, "the end of the year").Value);
        Assert.Equal("2009-12-05", Find(doc, "December 5 this year").Value);

        // A date written with its year does not rest on the inference.
        Assert.False(Find(doc, "5 December 2009").Inferred);
    }

    [Fact]
    public void A_dateline_without_a_year_takes_it_from_the_publication_date()
    {
        var doc = Analyse("GENEVA, 7 Mar - RIA Novosti. The ministers met on Friday.", "2009-03-08T10:00:00+03:00");
        Assert.Equal(2009, doc.Metadata.Dateline!.Year);
        var friday = Find(doc, "Friday");
        Assert.Equal("2009-03-06", friday.Value);
        Assert.False(friday.Inferred);
    }

    [Fact]
    public void A_dateline_year_written_out_is_used_as_is()
    {
        var doc = ParleyPipelines.CreateDefault().Process(DocumentInput.FromText("wire.txt", "LONDON, March 7, 2009 (AFP) -- The ministers met on Friday."));
        Assert.False(doc.Metadata.Dateline!.YearInferred);
        Assert.Equal("2009-03-06", Find(doc, "Friday").Value);
        Assert.False(Find(doc, "Friday").Inferred);
    }

    [Fact]
    public void With_no_evidence_the_dateline_year_stays_unknown()
    {
        var doc = ParleyPipelines.CreateDefault().Process(DocumentInput.FromText("wire.txt", "GENEVA, 7 Mar - RIA Novosti. The ministers met on Friday, as in 1991."));
        Assert.Null(doc.Metadata.Dateline!.Year);
        Assert.Equal("XXXX-WXX-5", Find(doc, "Friday").Value);
    }

    [Fact]
    public void A_date_line_at_the_top_serves_as_the_document_date()
    {
        var doc = ParleyPipelines.CreateDefault().Process(DocumentInput.FromText("wikinews.txt",
            "A new mayor for Springfield\n\nMarch 2, 2012\n\nThe city council today chose a new mayor."));
        Assert.Equal("2012-03-02", Find(doc, "today").Value);
    }

    [Fact]
    public void Year_inference_prefers_this_year_coincidences_over_history()
    {
        var found = new List<FoundTimex>
        {
            new(0, 4, new TimexMeaning { Kind = MeaningKind.Date, YearSource = YearSource.Written, Year = 1991 }, Direction.Past, 0, false),
            new(5, 9, new TimexMeaning { Kind = MeaningKind.Date, YearSource = YearSource.Written, Year = 2009, Month = 12, Day = 5 }, Direction.Unknown, 0, false),
            new(10, 14, new TimexMeaning { Kind = MeaningKind.Date, YearSource = YearSource.AnchorOffset, Year = 0, Month = 12, Day = 5 }, Direction.Unknown, 0, false),
        };
        Assert.Equal(2009, DocumentDates.InferYear(3, 7, found));
        Assert.Null(DocumentDates.InferYear(3, 7, found.Take(1).ToList()));
    }

    [SkippableFact]
    public void The_seed_report_gets_the_dates_the_issue_names()
    {
        string path = TestData.Require("seed", "000_53c4489924289c88.txt");
        var doc = ParleyPipelines.CreateDefault().Process(DocumentInput.FromFile(path));
        Assert.Equal(2009, doc.Metadata.Dateline!.Year);
        Assert.True(doc.Metadata.Dateline.YearInferred);
        Assert.Equal("2009-03-06", Find(doc, "Friday").Value);
        Assert.Equal("2009-12", Find(doc, "the end of the year").Value);
        Assert.Equal("2009-03-27", Find(doc, "March 27").Value);
        Assert.True(Find(doc, "March 27").Inferred);
        Assert.Equal("PT2H", Find(doc, "two hours").Value);
        Assert.Equal("P8Y", Find(doc, "eight-year").Value);
    }

    [Fact]
    public void The_text_view_lists_time_expressions_with_values()
    {
        var doc = ParleyPipelines.CreateDefault().Process(DocumentInput.FromText("wire.txt", WireReport));
        string view = TextViewWriter.Render(doc);
        Assert.Contains("Time expressions (", view, StringComparison.Ordinal);
        Assert.Contains("2009-03-06 (year inferred)", view, StringComparison.Ordinal);
        Assert.Contains("«Friday»", view, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_pipeline_runs_the_tagger_after_the_segmenter()
    {
        var names = ParleyPipelines.CreateDefault().Components.Select(c => c.Name).ToList();
        Assert.True(names.IndexOf("timex") > names.IndexOf("rule-segmenter"));
        Assert.Contains(Layer.TimeExpressions, ParleyPipelines.CreateDefault().Assigns);
    }

    [Fact]
    public void Time_expressions_with_a_mod_round_trip_through_json()
    {
        var doc = ParleyPipelines.CreateDefault().Process(DocumentInput.FromText("wire.txt", WireReport));
        var back = DocumentJson.Deserialize(DocumentJson.Serialize(doc));
        Assert.Equal(doc.TimeExpressions.Select(t => (t.Start, t.Length, t.Type, t.Value, t.Mod, t.Inferred)),
            back.TimeExpressions.Select(t => (t.Start, t.Length, t.Type, t.Value, t.Mod, t.Inferred)));
        Assert.Contains(back.TimeExpressions, t => t.Mod == "END");
    }
}
