using Parley.Documents;
using Parley.Nlp;
using Xunit;

namespace Parley.Tests.Nlp;

public class RuleSegmenterTests
{
    private static string[] Tokens(string text) =>
        RuleTokenizer.Tokenize(text, new TextSpan(0, text.Length)).Select(s => text.Substring(s.Start, s.Length)).ToArray();

    private static string[] Sentences(string text)
    {
        var doc = Parley.Intake.PlainTextIntake.ReadText(text, new DocumentMetadata());
        new RuleSegmenter().Process(doc);
        return doc.Sentences.Select(s => doc[s.Span]).ToArray();
    }

    [Theory]
    [InlineData("The U.S. talks ended.", "The|U.S.|talks|ended|.")]
    [InlineData("Russia's minister didn't agree.", "Russia|'s|minister|did|n't|agree|.")]
    [InlineData("\"We agreed,\" he said.", "\"|We|agreed|,|\"|he|said|.")]
    [InlineData("«Reset» — said Lavrov…", "«|Reset|»|—|said|Lavrov|…")]
    [InlineData("It cost $1,000.50 on Dec. 5 at www.example.org.", "It|cost|$1,000.50|on|Dec.|5|at|www.example.org|.")]
    [InlineData("Write to press@example.org, please!", "Write|to|press@example.org|,|please|!")]
    [InlineData("military-technical cooperation (START I)", "military-technical|cooperation|(|START|I|)")]
    [InlineData("the countries' view", "the|countries|'|view")]
    public void Tokens_follow_news_conventions(string text, string expected) =>
        Assert.Equal(expected.Split('|'), Tokens(text));

    [Fact]
    public void Sentences_split_at_full_stops_but_not_after_abbreviations()
    {
        Assert.Equal(
            ["Mr. Lavrov met Gen. Smith on Dec. 5 in the U.S. embassy.", "They talked.", "\"We agreed,\" he said."],
            Sentences("Mr. Lavrov met Gen. Smith on Dec. 5 in the U.S. embassy. They talked. \"We agreed,\" he said."));
    }

    [Fact]
    public void A_closing_quote_after_the_full_stop_stays_with_its_sentence()
    {
        Assert.Equal(["He said: \"We agreed.\"", "Then he left."], Sentences("He said: \"We agreed.\" Then he left."));
    }

    [Fact]
    public void An_abbreviation_ends_a_sentence_before_a_typical_opener()
    {
        Assert.Equal(["Talks were held in the U.S.", "The next round is in Moscow."], Sentences("Talks were held in the U.S. The next round is in Moscow."));
    }

    [Fact]
    public void Sentences_never_cross_paragraphs()
    {
        Assert.Equal(["Title here", "First paragraph without a stop", "Second paragraph."],
            Sentences("Title here\n\nFirst paragraph without a stop\n\nSecond paragraph."));
    }

    [Fact]
    public void A_very_long_word_is_cut_into_bounded_tokens()
    {
        string text = new('x', 10_000);
        Assert.All(RuleTokenizer.Tokenize(text, new TextSpan(0, text.Length)), t => Assert.True(t.Length <= RuleTokenizer.MaxTokenLength));
    }
}
