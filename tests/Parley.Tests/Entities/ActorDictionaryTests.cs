using Parley.Entities;
using Xunit;
using static Parley.Tests.Entities.EntityTestDocuments;

namespace Parley.Tests.Entities;

public class ActorDictionaryTests
{
    // Hand-written entries in the TABARI/PETRARCH layout (fictional people).
    private const string Entries =
        "PAVEL_ORLOV_  # a comment\n" +
        "+ORLOV\n" +
        "+FOREIGN_MINISTER_PAVEL_ORLOV\n" +
        "\t[RUSGOV 19990101-20031231] # deputy minister\n" +
        "\t[RUSGOVDIP >20040309]  # foreign minister\n" +
        "ANNA_WHITFIELD_\n" +
        "\t[USAGOV 090121-130201]\n" +
        "\t[USAELI]\n" +
        "BROKEN_DATES_\n" +
        "\t[FRAGOV 2004017-20061201]\n" +
        "NORTHERN_TRADE_COUNCIL_ [IGOXYZ]\n";

    [Fact]
    public void Names_and_aliases_find_the_entry()
    {
        var d = ActorDictionary.Parse(Entries);
        Assert.Same(d.Find("Pavel Orlov"), d.Find("orlov"));
        Assert.Same(d.Find("Pavel Orlov"), d.Find("Foreign Minister Pavel Orlov"));
        Assert.Null(d.Find("Pavel"));
    }

    [Theory]
    [InlineData("2005-06-01", "RUSGOVDIP")]
    [InlineData("2001-06-01", "RUSGOV")]
    [InlineData("1990-06-01", null)]
    public void A_dated_role_applies_only_inside_its_dates(string date, string? expected)
    {
        var orlov = ActorDictionary.Parse(Entries).Find("Orlov")!;
        Assert.Equal(expected, ActorDictionary.CodeOn(orlov, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))?.Code);
    }

    [Fact]
    public void Six_digit_dates_are_read_as_years_of_this_century_or_the_last()
    {
        var whitfield = ActorDictionary.Parse(Entries).Find("Anna Whitfield")!;
        Assert.Equal("USAGOV", ActorDictionary.CodeOn(whitfield, new DateOnly(2009, 3, 6))?.Code);
        Assert.Equal("USAELI", ActorDictionary.CodeOn(whitfield, new DateOnly(2015, 1, 1))?.Code);
        Assert.Equal("USAELI", ActorDictionary.CodeOn(whitfield, null)?.Code);
    }

    [Fact]
    public void Without_a_date_only_undated_roles_apply()
    {
        var orlov = ActorDictionary.Parse(Entries).Find("Orlov")!;
        Assert.Null(ActorDictionary.CodeOn(orlov, null));
    }

    [Fact]
    public void A_malformed_date_range_is_ignored_not_read_as_always()
    {
        Assert.Null(ActorDictionary.Parse(Entries).Find("Broken Dates"));
    }

    [Fact]
    public void The_document_date_selects_the_role_used_for_the_actor()
    {
        var dictionary = ActorDictionary.Parse(Entries, "test.actors.txt");
        var doc = WithNames("Pavel Orlov spoke.", ("Pavel Orlov", "PER"));
        doc.Metadata.Published = "2009-03-07";
        Link(doc, dictionary: dictionary);
        var actor = doc.Entities.Single().Actor!;
        Assert.Equal("RUSGOVDIP", actor.Code);
        Assert.Equal("RUS", actor.Country);
        Assert.Equal(["GOV", "DIP"], actor.Sectors);
        Assert.Contains("dictionary:test.actors.txt", actor.Evidence);

        var old = WithNames("Pavel Orlov spoke.", ("Pavel Orlov", "PER"));
        old.Metadata.Published = "1995-01-01";
        Link(old, dictionary: dictionary);
        Assert.Null(old.Entities.Single().Actor);
    }

    [Fact]
    public void A_missing_dictionary_path_is_a_clear_error()
    {
        var e = Assert.Throws<ParleyException>(() => ActorDictionary.Load("/nonexistent/actors"));
        Assert.Equal(ErrorCode.NotFound, e.Code);
    }

    [Fact]
    public void A_binary_file_given_as_a_dictionary_loads_without_failing()
    {
        string path = Path.Combine(Path.GetTempPath(), $"parley-actors-{Guid.NewGuid():N}.actors.txt");
        var bytes = new byte[64 * 1024];
        new Random(7).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        try
        {
            var dictionary = ActorDictionary.Load(path);
            Assert.Null(dictionary.Find("Pavel Orlov"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [SkippableFact]
    public void The_Phoenix_dictionaries_load_and_know_a_foreign_minister()
    {
        string path = TestData.Require("petrarch2", "dictionaries");
        var d = ActorDictionary.Load(path);
        var lavrov = d.Find("Sergei Lavrov");
        Assert.NotNull(lavrov);
        Assert.Equal("RUSGOV", ActorDictionary.CodeOn(lavrov!, new DateOnly(2009, 3, 7))?.Code);
    }
}
