using Parley.Entities.Gazetteer;
using Xunit;

namespace Parley.Tests.Gazetteer;

public class DisambiguationTests
{
    private static GazetteerResolution ResolveFirst(string text, string surface, int occurrence = 0)
    {
        var matches = WorldGazetteer.Default.FindAll(text);
        var hits = matches.Select((m, i) => (m, i)).Where(x => x.m.Surface == surface).ToList();
        Assert.True(hits.Count > occurrence, $"'{surface}' not found in: {string.Join(", ", matches.Select(m => m.Surface))}");
        return GazetteerDisambiguator.Resolve(text, matches, hits[occurrence].i);
    }

    [Theory]
    [InlineData("Russian troops entered Georgia after fighting in South Ossetia; Tbilisi appealed for help.")]
    [InlineData("Georgia and Russia fought a short war over South Ossetia in 2008.")]
    [InlineData("The Georgian government said Georgia would ask NATO for help against Russia.")]
    [InlineData("Armenia, Azerbaijan and Georgia signed the pipeline deal.")]
    public void Georgia_in_a_Caucasus_context_is_the_country(string text)
    {
        var r = ResolveFirst(text, "Georgia");
        Assert.Equal(GazetteerKind.Country, r.Entry.Kind);
        Assert.Equal("GEO", r.Entry.Country);
    }

    [Theory]
    [InlineData("Atlanta police said a storm hit Georgia on Monday, and the governor declared an emergency.")]
    [InlineData("Republicans hope to win the Senate runoff in Georgia, where Atlanta suburbs decide elections.")]
    [InlineData("The company moved from Savannah, Georgia to Florida and Alabama.")]
    public void Georgia_in_a_US_context_is_the_state(string text)
    {
        var r = ResolveFirst(text, "Georgia");
        Assert.Equal(GazetteerKind.Region, r.Entry.Kind);
        Assert.Equal("US-GA", r.Entry.Subdivision);
        Assert.NotEmpty(r.Evidence);
    }

    [Fact]
    public void Georgia_with_no_context_stays_the_country()
    {
        var r = ResolveFirst("Georgia is beautiful.", "Georgia");
        Assert.Equal(GazetteerKind.Country, r.Entry.Kind);
        Assert.True(r.Confidence < 0.9);
    }

    [Fact]
    public void A_US_mention_alone_does_not_make_Georgia_the_state()
    {
        // Both readings fit an article that mentions the United States; only places inside the US count.
        var r = ResolveFirst("The U.S. and Russia discussed Georgia and South Ossetia.", "Georgia");
        Assert.Equal(GazetteerKind.Country, r.Entry.Kind);
    }

    [Theory]
    [InlineData("Washington hopes a new treaty will be ready soon.")]
    [InlineData("Washington said it would not abandon the sanctions.")]
    [InlineData("Washington demands that Iran stop enrichment.")]
    [InlineData("Washington has repeatedly said it wants a reset.")]
    [InlineData("Washington's desire for a fresh start was plain.")]
    [InlineData("The 1991 treaty required Moscow and Washington to cut their arsenals.")]
    public void Washington_as_subject_of_saying_or_wanting_is_the_US_government(string text)
    {
        var r = ResolveFirst(text, "Washington");
        Assert.Equal(GazetteerKind.GovMetonym, r.Entry.Kind);
        Assert.Equal("USAGOV", r.Entry.Cameo);
    }

    [Theory]
    [InlineData("Thousands marched in Washington on Saturday.")]
    [InlineData("She flew to Washington for the talks.")]
    [InlineData("Washington's streets were empty.")]
    public void Washington_as_a_place_is_the_city(string text)
    {
        var r = ResolveFirst(text, "Washington");
        Assert.Equal(GazetteerKind.City, r.Entry.Kind);
        Assert.Equal("USA", r.Entry.Country);
        Assert.True(r.Entry.IsCapital);
    }

    [Fact]
    public void Washington_near_Seattle_is_the_state()
    {
        var r = ResolveFirst("Wildfires spread across Washington, and Seattle and Spokane were covered in smoke.", "Washington");
        Assert.Equal(GazetteerKind.Region, r.Entry.Kind);
        Assert.Equal("US-WA", r.Entry.Subdivision);
    }

    [Theory]
    [InlineData("Moscow said the talks were productive.")]
    [InlineData("The US wants to reset relations with Moscow.")]
    [InlineData("In its dealings with Iran Moscow addresses the worries of Israel.")]
    [InlineData("Moscow has warned the alliance.")]
    public void Moscow_as_actor_is_the_Russian_government(string text)
    {
        var r = ResolveFirst(text, "Moscow");
        Assert.Equal(GazetteerKind.GovMetonym, r.Entry.Kind);
        Assert.Equal("RUSGOV", r.Entry.Cameo);
        Assert.Equal("RUS", r.Entry.Country);
    }

    [Theory]
    [InlineData("The summit was held in Moscow.")]
    [InlineData("Lavrov returned to Moscow on Sunday.")]
    public void Moscow_as_a_place_is_the_city(string text)
    {
        var r = ResolveFirst(text, "Moscow");
        Assert.Equal(GazetteerKind.City, r.Entry.Kind);
    }

    [Fact]
    public void Unambiguous_names_resolve_with_full_confidence()
    {
        var r = ResolveFirst("The Kremlin rejected the claim.", "Kremlin");
        Assert.Equal("RUSGOV", r.Entry.Cameo);
        Assert.Equal(1.0, r.Confidence);
    }

    [Fact]
    public void Resolve_all_returns_one_resolution_per_match()
    {
        const string text = "Moscow said Washington and Tbilisi disagree about Georgia.";
        var matches = WorldGazetteer.Default.FindAll(text);
        var all = GazetteerDisambiguator.ResolveAll(text, matches);
        Assert.Equal(matches.Count, all.Count);
        Assert.Equal("GEO", all.Single(r => r.Match.Surface == "Georgia").Entry.Country);
    }
}
