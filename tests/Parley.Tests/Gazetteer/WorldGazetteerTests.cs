using Parley.Entities.Gazetteer;
using Parley.Intake;
using Parley.Pipeline;
using Xunit;

namespace Parley.Tests.Gazetteer;

public class WorldGazetteerTests
{
    private static readonly WorldGazetteer G = WorldGazetteer.Default;

    private static GazetteerEntry Single(string surface, GazetteerKind kind)
    {
        var found = G.Lookup(surface);
        Assert.True(found.Count > 0, $"'{surface}' not found");
        var entry = found.FirstOrDefault(e => e.Kind == kind);
        Assert.True(entry is not null, $"'{surface}' has no {kind} reading: {string.Join(", ", found)}");
        return entry!;
    }

    [Theory]
    [InlineData("United States", "USA", "US")]
    [InlineData("U.S.", "USA", "US")]
    [InlineData("USA", "USA", "US")]
    [InlineData("US", "USA", "US")]
    [InlineData("America", "USA", "US")]
    [InlineData("United States of America", "USA", "US")]
    [InlineData("Britain", "GBR", "GB")]
    [InlineData("UK", "GBR", "GB")]
    [InlineData("Great Britain", "GBR", "GB")]
    [InlineData("Russia", "RUS", "RU")]
    [InlineData("Russian Federation", "RUS", "RU")]
    [InlineData("Iran", "IRN", "IR")]
    [InlineData("North Korea", "PRK", "KP")]
    [InlineData("DPRK", "PRK", "KP")]
    [InlineData("Ivory Coast", "CIV", "CI")]
    [InlineData("Côte d'Ivoire", "CIV", "CI")]
    [InlineData("Cote d’Ivoire", "CIV", "CI")]
    [InlineData("Burma", "MMR", "MM")]
    [InlineData("Czechia", "CZE", "CZ")]
    [InlineData("Guinea-Bissau", "GNB", "GW")]
    public void Finds_countries_by_name_alias_and_acronym(string surface, string iso3, string iso2)
    {
        var country = Single(surface, GazetteerKind.Country);
        Assert.Equal(iso3, country.Country);
        Assert.Equal(iso2, country.Iso2);
    }

    [Theory]
    [InlineData("Russian", "RUS")]
    [InlineData("Russians", "RUS")]
    [InlineData("American", "USA")]
    [InlineData("Americans", "USA")]
    [InlineData("Iranian", "IRN")]
    [InlineData("British", "GBR")]
    [InlineData("Iraqis", "IRQ")]
    [InlineData("Georgian", "GEO")]
    public void Finds_nationality_words(string surface, string iso3)
    {
        var norp = Single(surface, GazetteerKind.Norp);
        Assert.Equal(iso3, norp.Country);
        Assert.Equal("NORP", norp.TypeLabel);
    }

    [Theory]
    [InlineData("Kremlin", "RUSGOV", "GOV")]
    [InlineData("White House", "USAGOV", "GOV")]
    [InlineData("Downing Street", "GBRGOV", "GOV")]
    [InlineData("Pentagon", "USAMIL", "MIL")]
    [InlineData("Moscow", "RUSGOV", "GOV")]
    [InlineData("Washington", "USAGOV", "GOV")]
    [InlineData("Beijing", "CHNGOV", "GOV")]
    public void Government_metonyms_carry_the_government_code(string surface, string cameo, string sector)
    {
        var metonym = Single(surface, GazetteerKind.GovMetonym);
        Assert.Equal(cameo, metonym.Cameo);
        Assert.Equal(sector, metonym.Sector);
        Assert.Equal("GOV-METONYM", metonym.TypeLabel);
    }

    [Theory]
    [InlineData("United Nations", "IGOUNO")]
    [InlineData("UN", "IGOUNO")]
    [InlineData("U.N.", "IGOUNO")]
    [InlineData("NATO", "IGOWSTNAT")]
    [InlineData("Nato", "IGOWSTNAT")]
    [InlineData("European Union", "IGOEUREEC")]
    [InlineData("EU", "IGOEUREEC")]
    [InlineData("OSCE", "IGOEUROSC")]
    [InlineData("IAEA", "IGOUNOIAE")]
    [InlineData("SCO", "IGOCASSCO")]
    [InlineData("ASEAN", "IGOSEAASN")]
    [InlineData("African Union", "IGOAFRAFU")]
    [InlineData("OPEC", "IGOBUSOPC")]
    [InlineData("WTO", "IGOBUSWTO")]
    [InlineData("IMF", "IGOBUSIMF")]
    [InlineData("World Bank", "IGOUNODEVWBK")]
    [InlineData("G20", "IGOBUSGTW")]
    [InlineData("G-8", "IGOBUSGOE")]
    [InlineData("Arab League", "IGOMEAARL")]
    [InlineData("CIS", "IGOCASCIS")]
    [InlineData("CSTO", "IGOCASCST")]
    [InlineData("BRICS", "IGOBUSBRC")]
    public void Finds_international_organisations(string surface, string cameo)
    {
        var igo = Single(surface, GazetteerKind.Igo);
        Assert.Equal(cameo, igo.Cameo);
        Assert.Equal("IGO", igo.Sector);
    }

    [Theory]
    [InlineData("Hamas", "PSEREBHMS", "PSE")]
    [InlineData("Hezbollah", "LBNREB", "LBN")]
    [InlineData("Taliban", "AFGREB", "AFG")]
    public void Finds_non_state_groups(string surface, string cameo, string country)
    {
        var group = Single(surface, GazetteerKind.NonState);
        Assert.Equal(cameo, group.Cameo);
        Assert.Equal(country, group.Country);
        Assert.Equal("REB", group.Sector);
    }

    [Fact]
    public void Capitals_are_cities_of_their_country()
    {
        var moscow = Single("Moscow", GazetteerKind.City);
        Assert.True(moscow.IsCapital);
        Assert.Equal("RUS", moscow.Country);
        Assert.Equal("Tbilisi", G.Country("GEO")!.Capital);
        Assert.Equal("CHE", Single("Geneva", GazetteerKind.City).Country);
        Assert.Equal("US-GA", Single("Atlanta", GazetteerKind.City).Subdivision);
    }

    [Fact]
    public void Georgia_names_the_country_and_the_US_state_country_first()
    {
        var found = G.Lookup("Georgia");
        Assert.Equal(GazetteerKind.Country, found[0].Kind);
        Assert.Equal("GEO", found[0].Country);
        Assert.Contains(found, e => e.Kind == GazetteerKind.Region && e.Subdivision == "US-GA" && e.Country == "USA");
    }

    [Fact]
    public void Country_codes_resolve_by_alpha2_alpha3_and_CAMEO()
    {
        Assert.Equal("Georgia", G.Country("GE")!.Name);
        Assert.Equal("Georgia", G.Country("GEO")!.Name);
        Assert.Equal("Kosovo", G.Country("KSV")!.Name);
        Assert.Equal("USAPRI", G.Country("PRI")!.Cameo);
        Assert.Null(G.Country("ZZZ"));
    }

    [Theory]
    [InlineData("us")]
    [InlineData("georgia")]
    [InlineData("turkey")]
    [InlineData("china")]
    [InlineData("Us")]
    [InlineData("who")]
    [InlineData("america")]
    public void Letter_case_keeps_common_words_out(string surface)
    {
        Assert.Empty(G.Lookup(surface));
    }

    [Fact]
    public void Capitals_match_in_datelines_written_in_capitals()
    {
        var match = G.FindAll("GENEVA, 7 Mar - RIA Novosti.")[0];
        Assert.Equal("Geneva", match.Surface);
        Assert.Equal(MatchCase.AllCaps, match.Case);
    }

    [Fact]
    public void Longest_name_wins_and_matches_do_not_overlap()
    {
        var matches = G.FindAll("North Korea and South Korea met in the United States of America.");
        Assert.Equal(["North Korea", "South Korea", "United States of America"], matches.Select(m => m.Surface));
        Assert.Equal("PRK", matches[0].Candidates[0].Country);
        Assert.Equal("KOR", matches[1].Candidates[0].Country);
    }

    [Fact]
    public void A_name_inside_a_longer_word_is_not_matched()
    {
        Assert.DoesNotContain(G.FindAll("Romanian-born Germanic scholars"), m => m.Surface is "Oman" or "Roman" or "German");
        Assert.DoesNotContain(G.FindAll("The Chadwick report"), m => m.Surface == "Chad");
    }

    [Fact]
    public void A_possessive_does_not_stop_the_name()
    {
        var text = "Washington's wish for better relations with Moscow";
        var matches = G.FindAll(text);
        Assert.Equal(["Washington", "Moscow"], matches.Select(m => m.Surface));
        Assert.Equal("Washington", text.Substring(matches[0].Start, matches[0].Length));
    }

    [Fact]
    public void Lost_capitals_are_accepted_only_beside_a_kept_one()
    {
        var middleEast = Assert.Single(G.FindAll("a settlement in the middle East"));
        Assert.Equal("Middle East", middleEast.Surface);
        Assert.Equal(MatchCase.Relaxed, middleEast.Case);
        var whiteHouse = Assert.Single(G.FindAll("after eight years in the White house"), m => m.Surface == "White House");
        Assert.Equal(MatchCase.Relaxed, whiteHouse.Case);
        Assert.Empty(G.FindAll("a white house"));
    }

    [Fact]
    public void Matches_over_document_tokens_end_at_token_ends()
    {
        var doc = ParleyPipelines.CreateDefault().Process(DocumentInput.FromText("t", "Talks in Geneva\n\nThe U.S. and Russia's foreign ministers met the UN chief in Geneva."));
        var matches = G.FindAll(doc);
        Assert.Equal(["Geneva", "U.S.", "Russia", "UN", "Geneva"], matches.Select(m => m.Surface));
        foreach (var m in matches)
        {
            Assert.Contains(doc.Tokens.AsSpan().ToArray(), t => t.Start + t.Length == m.End);
        }
    }

    [Fact]
    public void Names_never_span_a_line_break()
    {
        Assert.DoesNotContain(G.FindAll("North\nKorea"), m => m.Surface == "North Korea");
    }

    [Fact]
    public void The_data_is_complete_and_well_formed()
    {
        var countries = G.Entries.Where(e => e.Kind == GazetteerKind.Country).ToList();
        Assert.True(countries.Count(c => c.Status == CountryStatus.State) >= 193, "every UN member state");
        Assert.True(countries.Count >= 249, "every ISO 3166-1 entry");
        foreach (var c in countries)
        {
            Assert.Matches("^[A-Z]{2}$", c.Iso2!);
            Assert.Matches("^[A-Z]{3}$", c.Country!);
            Assert.Matches("^[A-Z]{3,6}$", c.Cameo!);
        }

        Assert.Equal(countries.Count, countries.Select(c => c.Country).Distinct().Count());
        foreach (var state in countries.Where(c => c.Status == CountryStatus.State))
        {
            Assert.False(state.Capital is null, $"{state.Name} has no capital");
        }

        Assert.Equal(51, G.Entries.Count(e => e.Kind == GazetteerKind.Region && e.Subdivision is { } s && s.StartsWith("US-", StringComparison.Ordinal)));
        Assert.True(G.Entries.Count(e => e.Kind == GazetteerKind.City) >= 600);
    }

    [Fact]
    public void Embedded_data_loads_once_and_is_shared()
    {
        Assert.Same(WorldGazetteer.Default, WorldGazetteer.Default);
    }

    [Fact]
    public void Bad_input_gives_no_matches_and_no_crash()
    {
        Assert.Empty(G.FindAll(""));
        Assert.Empty(G.Lookup("   "));
        Assert.Null(G.MatchAt("Russia", 99));
        var noise = new string('\uFFFD', 10_000) + "\0\u0001" + new string('a', 100_000);
        Assert.Empty(G.FindAll(noise));
    }
}
