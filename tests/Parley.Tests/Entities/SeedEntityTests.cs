using Parley.Cli;
using System.Text.Json;
using Xunit;

namespace Parley.Tests.Entities;

/// <summary>The acceptance checks on the seed report, through `parley analyze`.</summary>
public class SeedEntityTests
{
    private static readonly Lazy<JsonElement> Seed = new(() =>
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = ParleyCli.Run(["analyze", "--format", "json", TestData.SeedPath], output, error, () => Stream.Null);
        Assert.True(code == 0, error.ToString());
        return JsonDocument.Parse(output.ToString()).RootElement;
    });

    private static JsonElement Analyze()
    {
        TestData.Require("seed", "000_53c4489924289c88.txt");
        return Seed.Value;
    }

    private static JsonElement Entity(JsonElement doc, string name) =>
        doc.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);

    private static List<string> MentionTexts(JsonElement doc, JsonElement entity)
    {
        string text = doc.GetProperty("text").GetString()!;
        var mentions = doc.GetProperty("mentions");
        return entity.GetProperty("mentions").EnumerateArray()
            .Select(i => mentions[i.GetInt32()])
            .Select(m => text.Substring(m.GetProperty("start").GetInt32(), m.GetProperty("length").GetInt32()))
            .ToList();
    }

    [SkippableFact]
    public void Lavrov_is_the_Russian_foreign_minister_and_every_way_of_naming_him_is_one_entity()
    {
        var doc = Analyze();
        var lavrov = Entity(doc, "Sergei Lavrov");
        var actor = lavrov.GetProperty("actor");
        Assert.Equal("RUS", actor.GetProperty("country").GetString());
        Assert.Contains("GOV", actor.GetProperty("sectors").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("foreign minister", actor.GetProperty("role").GetString());
        var mentions = MentionTexts(doc, lavrov);
        Assert.Contains("Lavrov", mentions);
        Assert.Contains("the Russian Minister", mentions);
        Assert.Contains("the head of the Russian foreign Ministry", mentions);
        Assert.Contains("he", mentions);
    }

    [SkippableFact]
    public void Clinton_is_the_US_secretary_of_state_and_every_way_of_naming_her_is_one_entity()
    {
        var doc = Analyze();
        var clinton = Entity(doc, "Hillary Clinton");
        var actor = clinton.GetProperty("actor");
        Assert.Equal("USA", actor.GetProperty("country").GetString());
        Assert.Contains("GOV", actor.GetProperty("sectors").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("secretary of state", actor.GetProperty("role").GetString());
        var mentions = MentionTexts(doc, clinton);
        Assert.Contains("Clinton", mentions);
        Assert.Contains("the Secretary", mentions);
        Assert.Contains("she", mentions);
        Assert.DoesNotContain("he", mentions);
    }

    [SkippableFact]
    public void Places_and_organisations_are_listed_with_their_codes()
    {
        var doc = Analyze();
        string? Code(string name) => Entity(doc, name).GetProperty("actor").GetProperty("code").GetString();
        Assert.Equal("CHE", Code("Geneva"));
        Assert.Equal("AFG", Code("Afghanistan"));
        Assert.Equal("USA", Code("United States"));
        Assert.Equal("RUS", Code("Russia"));
        Assert.StartsWith("IGO", Code("Shanghai Cooperation Organisation"));
        Assert.Equal("ORG", Entity(doc, "Hamas").GetProperty("type").GetString());
    }

    [SkippableFact]
    public void Washington_and_Moscow_as_governments_are_government_actors()
    {
        var doc = Analyze();
        var codes = doc.GetProperty("entities").EnumerateArray()
            .Where(e => e.TryGetProperty("actor", out var a) && a.TryGetProperty("code", out _))
            .Select(e => (e.GetProperty("name").GetString(), e.GetProperty("actor").GetProperty("code").GetString()))
            .ToList();
        Assert.Contains(("Washington", "USAGOV"), codes);
        Assert.Contains(("Moscow", "RUSGOV"), codes);
    }

    [SkippableFact]
    public void With_the_Phoenix_dictionaries_the_dated_role_applies_on_the_inferred_date()
    {
        string dictionaries = TestData.Require("petrarch2", "dictionaries");
        var output = new StringWriter();
        int code = ParleyCli.Run(["analyze", "--format", "json", "--actors", dictionaries, TestData.SeedPath], output, new StringWriter(), () => Stream.Null);
        Assert.Equal(0, code);
        var doc = JsonDocument.Parse(output.ToString()).RootElement;
        var actor = Entity(doc, "Sergei Lavrov").GetProperty("actor");
        Assert.Equal("RUSGOV", actor.GetProperty("code").GetString());
        Assert.Contains("dictionary:Phoenix.Countries.actors.txt", actor.GetProperty("evidence").GetString());
    }
}
