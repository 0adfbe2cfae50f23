using Parley.Documents;
using Parley.Entities;
using Parley.Pipeline;
using Xunit;

namespace Parley.Tests.Entities;

/// <summary>The three ambiguities of the issue, through the default pipeline with the built-in gazetteer.</summary>
public class GazetteerLinkingTests
{
    private static readonly DocumentPipeline Pipeline = ParleyPipelines.CreateDefault();

    private static NewsDocument Analyze(string text) => Pipeline.Process(Parley.Intake.DocumentInput.FromText("t", text));

    private static Actor? ActorOf(NewsDocument doc, string surface, int occurrence = 0)
    {
        int at = -1;
        for (int i = 0; i <= occurrence; i++)
        {
            at = doc.Text.IndexOf(surface, at + 1, StringComparison.Ordinal);
        }

        var mention = doc.Mentions.First(m => m.Start == at);
        return mention.Entity >= 0 ? doc.Entities[mention.Entity].Actor : null;
    }

    [Fact]
    public void Georgia_beside_Tbilisi_and_Russian_troops_is_the_country()
    {
        var doc = Analyze("Russian troops stayed in Georgia after the war, officials in Tbilisi said.");
        Assert.Equal("GEO", ActorOf(doc, "Georgia")!.Country);
    }

    [Fact]
    public void Georgia_with_a_governor_and_Atlanta_is_the_US_state()
    {
        var doc = Analyze("The governor of Georgia signed the budget in Atlanta on Tuesday.");
        Assert.Equal("USA", ActorOf(doc, "Georgia")!.Country);
    }

    [Fact]
    public void Washington_hoping_is_the_US_government_and_Washington_as_a_venue_is_the_city()
    {
        var doc = Analyze("Washington hopes to reach a deal soon. The next round will be held in Washington in May.");
        var government = ActorOf(doc, "Washington", 0)!;
        Assert.Equal("USAGOV", government.Code);
        Assert.Contains("GOV", government.Sectors);
        var city = ActorOf(doc, "Washington", 1)!;
        Assert.Equal("USA", city.Country);
        Assert.DoesNotContain("GOV", city.Sectors);
    }

    [Fact]
    public void Moscow_insisting_is_the_Russian_government()
    {
        var doc = Analyze("Moscow insists that the treaty still stands, the ministry said.");
        Assert.Equal("RUSGOV", ActorOf(doc, "Moscow")!.Code);
    }

    [Fact]
    public void A_nationality_is_a_NORP_mention_with_its_country()
    {
        var doc = Analyze("Iranian diplomats met their hosts.");
        var norp = doc.Mentions.Single(m => m.Type == "NORP");
        Assert.Equal("Iranian", doc[norp.Span]);
        Assert.Equal("IRN", doc.Entities[norp.Entity].Actor!.Country);
    }

    [Fact]
    public void A_lower_case_georgia_is_not_a_place()
    {
        var doc = Analyze("he wrote georgia on the box and left.");
        Assert.DoesNotContain(doc.Mentions, m => doc[m.Span] == "georgia");
    }
}
