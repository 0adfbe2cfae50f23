using System.Diagnostics;
using Parley.Documents;
using Parley.Events;
using Parley.Events.Codebook;
using Parley.Intake;
using Parley.Pipeline;
using Xunit;
using static Parley.Tests.Events.EventTestDocuments;

namespace Parley.Tests.Events;

/// <summary>Bad input gets a best-effort result in bounded time; the codebook and export behave.</summary>
public class EventRobustnessTests
{
    [Fact]
    public void A_document_without_sentences_has_no_events()
    {
        var d = new NewsDocument("");
        new EventComponent().Process(d);
        Assert.Empty(d.Events);
    }

    [Fact]
    public void Binary_looking_text_codes_nothing_and_does_not_crash()
    {
        var text = string.Concat(Enumerable.Range(0, 2000).Select(i => (char)('!' + (i * 7919 % 90))));
        var d = Code(Build(text));
        Assert.Empty(d.Events);
    }

    [Fact]
    public void A_long_sentence_full_of_anchors_is_coded_in_bounded_time()
    {
        // 20,000 words with an anchor and an actor every few words and no punctuation: coding must stay linear.
        var text = string.Join(' ', Enumerable.Repeat("Russia met Iran and condemned Syria and attacked", 2500));
        var d = Build(text, ("Russia", "RUS"), ("Iran", "IRN"), ("Syria", "SYR"));
        var sw = Stopwatch.StartNew();
        Code(d);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(20), $"took {sw.Elapsed}");
    }

    [Fact]
    public void The_codebook_maps_CAMEO_to_PLOVER()
    {
        var book = EventCodebook.Default;
        Assert.Equal(("SANCTION", 4, -8.0), (book.Lookup("163")!.Type, book.Lookup("163")!.QuadClass!.Value, book.Lookup("163")!.Goldstein));
        Assert.Equal(("CONSULT", "visit"), (book.Lookup("042")!.Type, book.Lookup("042")!.Mode));
        Assert.Equal("ASSAULT", book.Lookup("1952")!.Type); // unlisted 4-digit code: its parent's values
        Assert.Null(book.Lookup("010")!.Type);              // public statements have no PLOVER type
        Assert.Null(book.Lookup("abc"));
        Assert.Null(book.Lookup("99"));
        Assert.All(PloverTypes.All, t => Assert.NotNull(PloverTypes.QuadClass(t)));
        Assert.Equal("REQUEST", PloverTypes.FromDraft("DEMAND"));
        Assert.Equal("ASSAULT", PloverTypes.FromDraft("FIGHT"));
    }

    [Fact]
    public void Every_pattern_code_is_a_CAMEO_code_with_a_PLOVER_type()
    {
        var patterns = BuiltInPatterns.Load();
        var codes = new[] { "SANCTION", "MEET", "IMPOSE" }.SelectMany(f => patterns.Lookup(f).ToArray())
            .SelectMany(e => e.Patterns.Select(p => p.Code).Append(e.Code)).OfType<string>().Where(c => c != "---");
        Assert.All(codes, c => Assert.NotNull(EventCodebook.Default.Lookup(c)?.Type));
    }

    [Fact]
    public void Export_rows_expand_dyads_and_escape_text()
    {
        var d = Code(Build("Russia and Iran met. Russia imposed sanctions on Iran, again.", ("Russia", "RUS"), ("Iran", "IRN")));
        var rows = EventTable.Rows(d, "doc-1").ToList();
        Assert.Contains(rows, r => r.EventCode == "040" && r.Actor1Code == "RUS" && r.Actor2Code == "IRN");
        Assert.Contains(rows, r => r.EventCode == "040" && r.Actor1Code == "IRN" && r.Actor2Code == "RUS");
        var sanction = rows.Single(r => r.EventCode == "163");
        Assert.Equal("16", sanction.RootCode);
        var csv = EventTable.ToCsv(sanction);
        Assert.Contains(",\"Russia imposed sanctions on Iran, again.\",", csv);
        Assert.Equal("'=1+2", EventTable.Csv("=1+2", isText: true));
        Assert.Equal("\"say \"\"hi\"\"\"", EventTable.Csv("say \"hi\"", isText: true));
        Assert.Equal(EventTable.Columns.Length, EventTable.CsvHeader().Split(',').Length);
    }

    [Fact]
    public void The_default_pipeline_codes_events_and_the_JSON_round_trips()
    {
        var pipeline = ParleyPipelines.CreateDefault();
        var d = pipeline.Process(DocumentInput.FromText("t", "The police arrested protesters. Officials condemned the protesters."));
        Assert.Contains(Layer.Events, d.Layers);
        var back = DocumentJson.Deserialize(DocumentJson.Serialize(d));
        Assert.Equal(DocumentJson.Serialize(d), DocumentJson.Serialize(back));
        Assert.Equal(d.Events.Count, back.Events.Count);
    }
}
