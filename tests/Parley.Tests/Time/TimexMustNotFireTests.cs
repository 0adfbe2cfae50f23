using Xunit;
using static Parley.Tests.Time.TimexSpecTests;

namespace Parley.Tests.Time;

/// <summary>Inputs where a rule must not fire, including the known failure modes of other taggers.</summary>
public class TimexMustNotFireTests
{
    [Theory]
    [InlineData("Read it at http://example.com/2009/03/06/story-2009.html today.", "2009")]
    [InlineData("Read it at http://example.com/2009/03/06/story-2009.html today.", "03/06")]
    [InlineData("Write to press2009@example.org for details.", "2009")]
    [InlineData("The reference number is 2882015.", "2882015")]
    [InlineData("The reference number is 2882015.", "2015")]
    [InlineData("About 2000 troops were deployed.", "2000")]
    [InlineData("He paid $2009 for the ticket.", "2009")]
    [InlineData("Turnout reached 1999 percent of the quota.", "1999")]
    [InlineData("The A380 and the Boeing 747 landed.", "380")]
    [InlineData("Iran may respond to the proposal.", "may")]
    [InlineData("Protesters march on the capital.", "march")]
    [InlineData("May I ask a question?", "May")]
    [InlineData("USA Today reported the story.", "Today")]
    [InlineData("He spoke against the now-cancelled deal.", "now")]
    [InlineData("They scored in the first half of the match.", "the first half")]
    [InlineData("At the end of the day, it is a political decision.", "the end of the day")]
    [InlineData("The team won 3:1 at home.", "3:1")]
    [InlineData("Some 1500 people marched.", "1500")]
    [InlineData("The Good Friday Agreement holds.", "Good Friday")]
    [InlineData("They bought a Christmas tree.", "Christmas")]
    [InlineData("The ship sailed to Easter Island.", "Easter")]
    [InlineData("Now that the talks have ended, both sides rest.", "Now")]
    [InlineData("Leaves fall in the park.", "fall")]
    [InlineData("One day, he said, peace will come.", "One day")]
    [InlineData("The 2018 day five match was cancelled.", "2018 day")]
    public void Does_not_tag(string text, string notExpected)
    {
        var doc = Analyse(text, "2009-03-07");
        Assert.DoesNotContain(doc.TimeExpressions, t => doc.Text.Substring(t.Start, t.Length).Contains(notExpected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_URL_with_a_date_gives_no_time_expression_at_all()
    {
        var doc = Analyse("See http://news.example.com/2009/03/06/ and www.example.com/archive/2008-12-01.html now", "2009-03-07");
        Assert.All(doc.TimeExpressions, t => Assert.Equal("now", doc.Text.Substring(t.Start, t.Length)));
    }

    [Fact]
    public void Weekday_values_do_not_depend_on_when_the_test_runs()
    {
        // Regression: weekday normalisation that changes between runs. Two runs, same document, same values.
        const string text = "The ministers met on Friday and will meet again next Tuesday.";
        var first = Analyse(text, "2009-03-07").TimeExpressions.Select(t => t.Value).ToList();
        var second = Analyse(text, "2009-03-07").TimeExpressions.Select(t => t.Value).ToList();
        Assert.Equal(["2009-03-06", "2009-03-10"], first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Without_a_document_date_relative_values_stay_underspecified()
    {
        var doc = Analyse("The ministers met on Friday, yesterday's talks failed, and they meet again next month, on Tuesday night, before the end of the year.", null);
        Assert.Equal("XXXX-WXX-5", Find(doc, "Friday").Value);
        Assert.Equal("XXXX-WXX-2TNI", Find(doc, "Tuesday night").Value);
        Assert.Equal("XXXX-12", Find(doc, "the end of the year").Value);
        Assert.Equal("XXXX-XX-XX", Find(doc, "yesterday").Value);
        Assert.Equal("XXXX-XX", Find(doc, "next month").Value);
        Assert.DoesNotContain(doc.TimeExpressions, t => t.Value!.Contains(DateTime.Now.Year.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void A_written_date_needs_no_document_date()
    {
        var doc = Analyse("The treaty expires on 5 December 2009.", null);
        Assert.Equal("2009-12-05", Find(doc, "5 December 2009").Value);
    }
}
