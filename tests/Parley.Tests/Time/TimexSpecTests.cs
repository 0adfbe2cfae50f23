using Parley.Documents;
using Parley.Intake;
using Parley.Pipeline;
using Xunit;

namespace Parley.Tests.Time;

/// <summary>Hand-written inputs with the TIMEX3 each must give, relative to a publication date.</summary>
public class TimexSpecTests
{
    internal static NewsDocument Analyse(string text, string? published)
    {
        var pipeline = ParleyPipelines.CreateDefault();
        var input = new DocumentInput("spec.txt", System.Text.Encoding.UTF8.GetBytes(text)) { Published = published };
        var doc = pipeline.Intake.Read(input);
        doc.Metadata.Published = published;
        pipeline.Run(doc);
        return doc;
    }

    internal static TimeExpression Find(NewsDocument doc, string surface)
    {
        var found = doc.TimeExpressions.Where(t => doc.Text.Substring(t.Start, t.Length) == surface).ToList();
        Assert.True(found.Count > 0, $"«{surface}» not found; got: {string.Join(", ", doc.TimeExpressions.Select(t => $"«{doc.Text.Substring(t.Start, t.Length)}»={t.Value}"))}");
        return found[0];
    }

    [Theory]
    // Explicit dates.
    [InlineData("The treaty expires on 5 December 2009.", "2009-03-07", "5 December 2009", "DATE", "2009-12-05")]
    [InlineData("It was signed on December 5, 2009.", "2009-03-07", "December 5, 2009", "DATE", "2009-12-05")]
    [InlineData("It was signed on Dec. 5, 2009.", "2009-03-07", "Dec. 5, 2009", "DATE", "2009-12-05")]
    [InlineData("Filed on Tuesday, December 10, 2013.", "2013-12-12", "Tuesday, December 10, 2013", "DATE", "2013-12-10")]
    [InlineData("The 5th of May 2008 was quiet.", "2009-03-07", "5th of May 2008", "DATE", "2008-05-05")]
    [InlineData("Data for 2009-03-06 came in.", "2009-03-07", "2009-03-06", "DATE", "2009-03-06")]
    [InlineData("The flight left on 7/8/07 at dawn.", "2007-07-09", "7/8/07", "DATE", "2007-07-08")]
    [InlineData("Reported on 06.03.2009 in Moscow.", "2009-03-07", "06.03.2009", "DATE", "2009-03-06")]
    [InlineData("Sales rose in May 2008.", "2009-03-07", "May 2008", "DATE", "2008-05")]
    [InlineData("It was signed in 1991 by both presidents.", "2009-03-07", "1991", "DATE", "1991")]
    [InlineData("The summit will be held on March 27 in Moscow.", "2009-03-07", "March 27", "DATE", "2009-03-27")]
    [InlineData("The vote was held on December 20, observers said.", "2009-01-05", "December 20", "DATE", "2008-12-20")]
    [InlineData("The exhibit runs from January 23 through March 9, 2014.", "2013-12-01", "January 23", "DATE", "2014-01-23")]
    // Weekdays: the latest one in past reports, the next one in future ones.
    [InlineData("The ministers met in Geneva on Friday.", "2009-03-07", "Friday", "DATE", "2009-03-06")]
    [InlineData("They will meet again on Friday.", "2009-03-04", "Friday", "DATE", "2009-03-06")]
    [InlineData("Officials met last Tuesday.", "2009-03-07", "last Tuesday", "DATE", "2009-03-03")]
    [InlineData("Talks resume next Monday.", "2009-03-07", "next Monday", "DATE", "2009-03-09")]
    [InlineData("The strike ended on Saturday.", "2009-03-07", "Saturday", "DATE", "2009-03-07")]
    // Deictic and relative.
    [InlineData("Lavrov arrived yesterday.", "2009-03-07", "yesterday", "DATE", "2009-03-06")]
    [InlineData("Lavrov arrives tomorrow.", "2009-03-07", "tomorrow", "DATE", "2009-03-08")]
    [InlineData("Today we sign the deal.", "2009-03-07", "Today", "DATE", "2009-03-07")]
    [InlineData("He spoke last week.", "2004-11-24", "last week", "DATE", "2004-W47")]
    [InlineData("Prices rose this week.", "2009-03-07", "this week", "DATE", "2009-W10")]
    [InlineData("A decision is due next month.", "2009-01-15", "next month", "DATE", "2009-02")]
    [InlineData("Growth slowed this year.", "2009-03-07", "this year", "DATE", "2009")]
    [InlineData("Growth slowed last year.", "2009-03-07", "last year", "DATE", "2008")]
    [InlineData("The plant closed two years ago.", "2009-03-07", "two years ago", "DATE", "2007")]
    [InlineData("Three days later the talks resumed.", "2009-03-07", "Three days later", "DATE", "2009-03-10")]
    [InlineData("Music changed in the 1990s.", "2009-03-07", "the 1990s", "DATE", "199")]
    [InlineData("Music changed in the '80s.", "2009-03-07", "the '80s", "DATE", "198")]
    [InlineData("It was the worst war of the 20th century.", "2009-03-07", "the 20th century", "DATE", "19")]
    [InlineData("Both sides want a deal before the end of the year.", "2009-03-07", "the end of the year", "DATE", "2009-12")]
    [InlineData("Prices peaked in mid-2008.", "2009-03-07", "mid-2008", "DATE", "2008")]
    [InlineData("We expect a recovery early next year.", "2009-03-07", "early next year", "DATE", "2010")]
    [InlineData("Officials met over the weekend.", "2009-03-09", "the weekend", "DATE", "2009-W10-WE")]
    // Quarters, halves, seasons, fiscal years.
    [InlineData("Profit fell in the first quarter of 2009.", "2009-05-07", "the first quarter of 2009", "DATE", "2009-Q1")]
    [InlineData("Profit fell in the first quarter of last year.", "2009-05-07", "the first quarter of last year", "DATE", "2008-Q1")]
    [InlineData("The firm posted a third-quarter profit.", "2009-11-03", "third-quarter", "DATE", "2009-Q3")]
    [InlineData("The firm lost money in the fourth quarter.", "2010-01-20", "the fourth quarter", "DATE", "2009-Q4")]
    [InlineData("Growth returned in the second half of 2009.", "2010-01-20", "the second half of 2009", "DATE", "2009-H2")]
    [InlineData("The talks resume this summer.", "2009-03-07", "this summer", "DATE", "2009-SU")]
    [InlineData("Revenue grew in fiscal 2009.", "2009-11-03", "fiscal 2009", "DATE", "FY2009")]
    [InlineData("Families gathered on Christmas Eve.", "2009-01-05", "Christmas Eve", "DATE", "2008-12-24")]
    // Durations.
    [InlineData("The meeting lasted two hours.", "2009-03-07", "two hours", "DURATION", "PT2H")]
    [InlineData("After an eight-year tenure he retired.", "2009-03-07", "eight-year", "DURATION", "P8Y")]
    [InlineData("He waited 30 minutes.", "2009-03-07", "30 minutes", "DURATION", "PT30M")]
    [InlineData("The ban lasted six months.", "2009-03-07", "six months", "DURATION", "P6M")]
    [InlineData("The war lasted a decade.", "2009-03-07", "a decade", "DURATION", "P10Y")]
    [InlineData("It took almost two and a half years.", "2009-03-07", "almost two and a half years", "DURATION", "P2.5Y")]
    [InlineData("They have argued for years.", "2009-03-07", "years", "DURATION", "PXY")]
    [InlineData("Costs rose over the past two years.", "2009-03-07", "the past two years", "DURATION", "P2Y")]
    [InlineData("Repairs need between 30 and 45 days.", "2009-03-07", "30", "DURATION", "P30D")]
    [InlineData("The economy contracted for three consecutive quarters.", "2009-03-07", "three consecutive quarters", "DURATION", "P3Q")]
    [InlineData("A 51-year-old man was arrested.", "2009-03-07", "51-year-old", "DURATION", "P51Y")]
    // Sets.
    [InlineData("The figures are published weekly.", "2009-03-07", "weekly", "SET", "P1W")]
    [InlineData("The council meets every Monday.", "2009-03-07", "every Monday", "SET", "XXXX-WXX-1")]
    [InlineData("Inspectors visit twice a week.", "2009-03-07", "twice a week", "SET", "P1W")]
    // Times.
    [InlineData("Trading stopped at 14:48 UTC.", "2009-03-07", "14:48 UTC", "TIME", "2009-03-07T14:48Z")]
    [InlineData("The plant shut at 0800 GMT.", "2009-03-07", "0800 GMT", "TIME", "2009-03-07T08:00Z")]
    [InlineData("Voting ends at 6 p.m. Friday.", "2009-03-04", "6 p.m. Friday", "TIME", "2009-03-06T18:00")]
    [InlineData("Clinton said this morning that talks went well.", "2009-03-07", "this morning", "TIME", "2009-03-07TMO")]
    [InlineData("Shelling continued last night.", "2009-03-07", "last night", "TIME", "2009-03-06TNI")]
    [InlineData("Fighting resumed on Monday morning.", "2009-03-07", "Monday morning", "TIME", "2009-03-02TMO")]
    // References.
    [InlineData("Now we must act.", "2009-03-07", "Now", "DATE", "PRESENT_REF")]
    [InlineData("Such crises happened in the past.", "2009-03-07", "the past", "DATE", "PAST_REF")]
    [InlineData("Ties may improve in the near future.", "2009-03-07", "the near future", "DATE", "FUTURE_REF")]
    [InlineData("Sales fell in recent years.", "2009-03-07", "recent years", "DATE", "PAST_REF")]
    public void Normalises(string text, string published, string surface, string type, string value)
    {
        var t = Find(Analyse(text, published), surface);
        Assert.Equal(type, t.Type);
        Assert.Equal(value, t.Value);
        Assert.False(t.Inferred);
    }

    [Fact]
    public void Anaphoric_expressions_count_from_the_last_date_mentioned()
    {
        var doc = Analyse("The ceasefire began on March 3. The next day, shelling resumed. By that time, 40 had died.", "2009-03-20");
        Assert.Equal("2009-03-03", Find(doc, "March 3").Value);
        Assert.Equal("2009-03-04", Find(doc, "The next day").Value);
        Assert.Equal("2009-03-04", Find(doc, "that time").Value);
    }

    [Fact]
    public void The_same_month_a_year_ago_moves_a_year_back()
    {
        var doc = Analyse("Exports dropped in March, well below the same month a year ago.", "2009-04-10");
        Assert.Equal("2009-03", Find(doc, "March").Value);
        Assert.Equal("2008-03", Find(doc, "the same month a year ago").Value);
    }

    [Fact]
    public void A_time_followed_by_its_date_takes_that_date()
    {
        var doc = Analyse("Officials briefed reporters at 09:30 UTC, May 4th, in Brussels.", "2009-05-06");
        Assert.Equal("2009-05-04T09:30Z", Find(doc, "09:30 UTC").Value);
        Assert.Equal("2009-05-04", Find(doc, "May 4th").Value);
    }

    [Fact]
    public void Boundaries_carry_a_mod()
    {
        var doc = Analyse("A treaty should be ready by the end of the year; prices peaked in mid-2008.", "2009-03-07");
        Assert.Equal("END", Find(doc, "the end of the year").Mod);
        Assert.Equal("MID", Find(doc, "mid-2008").Mod);
    }
}
