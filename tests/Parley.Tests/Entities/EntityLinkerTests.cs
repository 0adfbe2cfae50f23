using Parley.Documents;
using Parley.Entities;
using Xunit;
using static Parley.Tests.Entities.EntityTestDocuments;

namespace Parley.Tests.Entities;

public class EntityLinkerTests
{
    private const string Meeting =
        "Russian Foreign Minister Pavel Orlov met U.S. Secretary of State Anna Whitfield in Vienna. " +
        "Orlov said the talks were useful. The Russian minister added that he expected more. " +
        "Whitfield agreed. The Secretary said she would return.";

    private static NewsDocument LinkedMeeting() =>
        Link(WithNames(Meeting, ("Pavel Orlov", "PER"), ("Anna Whitfield", "PER"), ("Orlov", "PER"), ("Whitfield", "PER"), ("Vienna", "LOC"), ("U.S.", "LOC")));

    [Fact]
    public void Surname_nominal_and_pronoun_join_the_full_name()
    {
        var doc = LinkedMeeting();
        var orlov = EntityNamed(doc, "Pavel Orlov");
        Assert.Equal(["Pavel Orlov", "Orlov", "The Russian minister", "he"], MentionTexts(doc, orlov));
        var whitfield = EntityNamed(doc, "Anna Whitfield");
        Assert.Equal(["Anna Whitfield", "Whitfield", "The Secretary", "she"], MentionTexts(doc, whitfield));
    }

    [Fact]
    public void Actors_come_from_titles_and_nationality_words()
    {
        var doc = LinkedMeeting();
        var orlov = EntityNamed(doc, "Pavel Orlov").Actor!;
        Assert.Equal("RUS", orlov.Country);
        Assert.Equal(["GOV"], orlov.Sectors);
        Assert.Equal("foreign minister", orlov.Role);
        Assert.Equal("RUSGOV", orlov.Code);
        var whitfield = EntityNamed(doc, "Anna Whitfield").Actor!;
        Assert.Equal("USA", whitfield.Country);
        Assert.Equal("secretary of state", whitfield.Role);
    }

    [Fact]
    public void A_title_before_a_name_is_not_a_mention_of_its_own()
    {
        var doc = LinkedMeeting();
        Assert.DoesNotContain(doc.Mentions, m => doc[m.Span].Contains("Foreign Minister", StringComparison.Ordinal));
        Assert.DoesNotContain(doc.Mentions, m => doc[m.Span] == "Secretary of State");
    }

    [Fact]
    public void Every_mention_points_at_the_entity_that_lists_it()
    {
        var doc = LinkedMeeting();
        foreach (var e in doc.Entities)
        {
            Assert.All(e.Mentions, i => Assert.Equal(e.Id, doc.Mentions[i].Entity));
        }

        Assert.Equal(doc.Mentions.OrderBy(m => m.Start).Select(m => m.Start), doc.Mentions.Select(m => m.Start));
    }

    [Fact]
    public void The_head_of_a_foreign_ministry_is_its_foreign_minister()
    {
        var doc = Link(WithNames(
            "Russian Foreign Minister Pavel Orlov spoke first. \"We will work,\" said the head of the Russian foreign ministry.",
            ("Pavel Orlov", "PER")));
        Assert.Contains("the head of the Russian foreign ministry", MentionTexts(doc, EntityNamed(doc, "Pavel Orlov")));
    }

    [Fact]
    public void A_pronoun_before_its_speaker_in_the_same_sentence_reads_forward()
    {
        var doc = Link(WithNames(
            "Foreign Minister Pavel Orlov met Anna Whitfield. \"It went well\", said in his turn the Russian minister.",
            ("Pavel Orlov", "PER"), ("Anna Whitfield", "PER")));
        Assert.Contains("his", MentionTexts(doc, EntityNamed(doc, "Pavel Orlov")));
    }

    [Fact]
    public void She_does_not_join_a_man()
    {
        var doc = Link(WithNames("Pavel Orlov arrived late. She was not pleased.", ("Pavel Orlov", "PER")));
        var she = doc.Mentions.Single(m => doc[m.Span] == "She");
        Assert.Equal(-1, she.Entity);
    }

    [Fact]
    public void A_nominal_with_another_country_does_not_join()
    {
        var doc = Link(WithNames(
            "Russian Foreign Minister Pavel Orlov met the press. The Iranian minister stayed away.",
            ("Pavel Orlov", "PER")));
        var iranian = doc.Mentions.Single(m => doc[m.Span] == "The Iranian minister");
        Assert.NotEqual(doc.Mentions.First(m => doc[m.Span] == "Pavel Orlov").Entity, iranian.Entity);
        var entity = doc.Entities[iranian.Entity];
        Assert.Equal("IRN", entity.Actor!.Country);
    }

    [Theory]
    [InlineData("He waited at the head of the queue.")]
    [InlineData("The ministers met in private.")]
    [InlineData("A general strike closed the port.")]
    public void Ordinary_words_are_not_office_descriptions(string text)
    {
        var doc = Link(Segmented(text));
        Assert.DoesNotContain(doc.Mentions, m => m.Kind == MentionKind.Nominal);
    }

    [Fact]
    public void Washington_as_a_government_is_the_US_government_and_as_a_place_a_city()
    {
        var doc = Link(WithNames(
            "Washington hopes to agree. The talks were held in Washington.",
            ("Washington", "LOC")));
        var government = doc.Entities.Single(e => e.Actor?.Code == "USAGOV");
        var city = doc.Entities.Single(e => e.Actor?.Code == "USA");
        Assert.NotEqual(government.Id, city.Id);
        Assert.Equal(["GOV"], government.Actor!.Sectors);
    }

    [Fact]
    public void Moscow_stating_something_is_the_Russian_government()
    {
        var doc = Link(WithNames("Moscow insists on a delay.", ("Moscow", "LOC")));
        Assert.Equal("RUSGOV", Assert.Single(doc.Entities).Actor!.Code);
    }

    [Fact]
    public void Georgia_known_as_a_country_resolves_to_its_code()
    {
        var doc = Link(WithNames("Russia and Georgia remain apart.", ("Russia", "LOC"), ("Georgia", "LOC")));
        Assert.Equal("GEO", EntityNamed(doc, "Georgia").Actor!.Country);
    }

    [Fact]
    public void Spellings_of_one_country_are_one_entity()
    {
        var doc = Link(WithNames("The U.S. and the USA are the US.", ("U.S.", "LOC"), ("USA", "LOC"), ("US", "LOC")));
        var us = Assert.Single(doc.Entities);
        Assert.Equal("United States", us.Name);
        Assert.Equal(3, us.Mentions.Count);
    }

    [Fact]
    public void A_surname_typed_as_an_organisation_joins_the_person()
    {
        var doc = WithNames("Anna Whitfield spoke. Whitfield left.", ("Anna Whitfield", "PER"), ("Whitfield", "ORG"));
        Link(doc);
        Assert.Single(doc.Entities);
        Assert.All(doc.Mentions.Where(m => m.Kind == MentionKind.Name), m => Assert.Equal("PER", m.Type));
    }

    [Fact]
    public void An_acronym_joins_the_organisation_it_abbreviates()
    {
        var doc = Link(WithNames(
            "The Northern Trade Council met. The NTC agreed.", ("Northern Trade Council", "ORG"), ("NTC", "ORG")));
        Assert.Single(doc.Entities);
    }

    [Fact]
    public void Second_acronym_after_a_merged_one_does_not_fail()
    {
        var doc = Link(WithNames(
            "The Northern Trade Council and the Southern Ports Union met. The NTC and the SPU agreed.",
            ("Northern Trade Council", "ORG"), ("Southern Ports Union", "ORG"), ("NTC", "ORG"), ("SPU", "ORG")));
        Assert.Equal(2, doc.Entities.Count);
    }

    [Fact]
    public void Tens_of_thousands_of_mentions_in_one_sentence_link_in_bounded_time()
    {
        string text = "Pavel Orlov spoke. " + string.Concat(Enumerable.Repeat("he met Russia and Orlov and the Russian minister ", 4000));
        var doc = WithNames(text, ("Pavel Orlov", "PER"), ("Orlov", "PER"), ("Russia", "LOC"));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Link(doc);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        Assert.True(doc.Mentions.Count > 16_000);
        Assert.Equal(doc.Mentions.Single(m => doc[m.Span] == "Pavel Orlov").Entity, doc.Mentions.Last(m => doc[m.Span] == "Orlov").Entity);
    }

    [Fact]
    public void Empty_document_links_to_nothing()
    {
        var doc = Link(Segmented(" "));
        Assert.Empty(doc.Entities);
    }
}
