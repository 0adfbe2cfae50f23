using Parley.Cli;
using Xunit;

namespace Parley.Tests.Events;

/// <summary>
/// Floors well below the measured figures of `parley eval events`, to catch a collapse; the figures themselves come
/// from the benchmark command. Needs ../shared/data (skips otherwise).
/// </summary>
public class EventBenchmarkFloorTests
{
    [SkippableFact]
    public void Petrarch_unit_tests_and_PLOVER_records_stay_above_their_floors()
    {
        var data = TestData.Require("petrarch2", "validation", "PETR.UnitTest.records.xml");
        _ = TestData.Require("plover", "PLOVER_GSR_CAMEO.json");
        var output = new StringWriter();
        // Until the entity layer resolves countries, the PLOVER records get them from the Phoenix country dictionary.
        var countries = TestData.Require("petrarch2", "dictionaries", "Phoenix.Countries.actors.txt");
        int code = ParleyCli.Run(["eval", "events", "--data", TestData.DataDirectory, "--speed-seconds", "0.2", "--plover-actors", countries],
            output, new StringWriter(), () => Stream.Null);
        Assert.Equal(ParleyCli.ExitOk, code);
        var last = output.ToString().TrimEnd().Split('\n')[^1];
        using var json = System.Text.Json.JsonDocument.Parse(last);
        Assert.True(json.RootElement.GetProperty("petrarch").GetProperty("f1").GetDouble() >= 0.70, last);
        Assert.True(json.RootElement.GetProperty("plover").GetProperty("type_accuracy").GetDouble() >= 0.30, last);
        _ = data;
    }
}

/// <summary>The seed report: the events the project is built around, each with its evidence sentence.</summary>
public class SeedEventTests
{
    [SkippableFact]
    public void The_seed_report_yields_the_Geneva_meeting_the_sanctions_and_the_arms_cooperation()
    {
        var path = TestData.Require("seed", "000_53c4489924289c88.txt");
        var pipeline = Parley.Pipeline.ParleyPipelines.CreateDefault();
        var d = pipeline.Process(Parley.Intake.DocumentInput.FromFile(path));
        string Codes(IEnumerable<int> ids) => string.Join(",", ids.Select(i => d.Entities[i].Actor?.Country).Order());
        Assert.Contains(d.Events, e => e.Type == "CONSULT" && Codes(e.Sources.Concat(e.Targets)) == "RUS,USA" && e.Date == "2009-03-06"
            && e.Place?.Name == "Geneva" && e.Evidence.Count > 0 && d[e.Evidence[0]].Contains("meeting", StringComparison.Ordinal));
        // The meeting is reported three times (heading, lead, second paragraph): one event between the two ministers.
        var meeting = Assert.Single(d.Events, e => e.Type == "CONSULT" && e.Reciprocal);
        Assert.Equal(["Hillary Clinton", "Sergei Lavrov"], meeting.Sources.Select(i => d.Entities[i].Name).Order());
        Assert.True(meeting.Evidence.Count >= 2, $"{meeting.Evidence.Count} evidence sentence(s)");
        Assert.Contains(d.Events, e => e.Type == "SANCTION" && Codes(e.Sources) == "USA" && Codes(e.Targets) == "IRN"
            && d[e.Evidence[0]].Contains("sanctions against Iran", StringComparison.Ordinal));
        Assert.Contains(d.Events, e => e.Type == "COOPERATE" && e.Context == "military" && Codes(e.Sources) == "RUS" && Codes(e.Targets) == "IRN"
            && d[e.Evidence[0]].Contains("military-technical cooperation", StringComparison.Ordinal));
    }
}
