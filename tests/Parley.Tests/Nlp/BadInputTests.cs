using System.Text;
using Parley.Documents;
using Xunit;
using static Parley.Tests.Nlp.NlpPipelineTests;

namespace Parley.Tests.Nlp;

/// <summary>Input that could break a tokenizer or parser: it must finish, in bounded time, with a consistent analysis.</summary>
public class BadInputTests
{
    private static void AssertConsistent(NewsDocument d)
    {
        var tokens = d.Tokens.AsSpan();
        int previousEnd = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            Assert.True(tokens[i].Start >= previousEnd && tokens[i].Length > 0);
            previousEnd = tokens[i].Start + tokens[i].Length;
            Assert.True(tokens[i].Head == -1 || (tokens[i].Head >= 0 && tokens[i].Head < tokens.Length));
        }

        foreach (var s in d.Sentences)
        {
            Assert.True(s.TokenCount > 0);
        }
    }

    [Fact]
    public async Task A_megabyte_sentence_without_punctuation_is_analysed_in_bounded_time()
    {
        var sb = new StringBuilder();
        var words = new[] { "the", "minister", "said", "that", "talks", "in", "Geneva", "would", "continue", "next", "week" };
        for (int i = 0; sb.Length < 1_000_000; i++)
        {
            sb.Append(words[i % words.Length]).Append(' ');
        }

        // A hang detector, not a speed test: the bound is generous because test runs share the machine (speed is measured by parley eval ud).
        var d = await Task.Run(() => Analyze(sb.ToString())).WaitAsync(TimeSpan.FromMinutes(10));
        AssertConsistent(d);
        Assert.True(d.Tokens.Count > 90_000);
    }

    [Fact]
    public async Task A_long_text_without_any_space_is_cut_into_bounded_tokens()
    {
        var text = new string('a', 100_000) + new string('.', 100_000);
        var d = await Task.Run(() => Analyze(text)).WaitAsync(TimeSpan.FromMinutes(10));
        AssertConsistent(d);
        Assert.All(d.Tokens.AsSpan().ToArray(), t => Assert.True(t.Length <= 200));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Control_characters_do_not_become_tokens(bool asIs)
    {
        // The intake removes most control characters (and refuses NUL as binary); the tokenizer must cope with those it keeps.
        var d = asIs
            ? AnalyzeAsIs("The minister\u0001 said\u0007 on\u001F Friday\u0002 that talks\u0008 would go on.\u0003\u0000 end")
            : Analyze("The minister\u0007 said on Friday that the talks would go on and that both sides\u0001 were ready to continue them.");
        AssertConsistent(d);
        foreach (var t in d.Tokens.AsSpan())
        {
            Assert.DoesNotContain(d.Text.Substring(t.Start, t.Length), char.IsControl);
        }

        Assert.Contains(Enumerable.Range(0, d.Tokens.Count), i => d.Token(i).Form == "Friday");
    }

    [Fact]
    public void Mixed_scripts_and_emoji_are_analysed_without_error()
    {
        var d = Analyze("Лавров said «мы согласны» to 克林顿 in Genève 🇨🇭 today — مرحبا. Ok 👍🏽 done.");
        AssertConsistent(d);
        Assert.Contains(Enumerable.Range(0, d.Tokens.Count), i => d.Token(i).Form == "Лавров");
        foreach (var t in d.Tokens.AsSpan())
        {
            string form = d.Text.Substring(t.Start, t.Length);
            Assert.False(char.IsLowSurrogate(form[0]), "a token starts inside a surrogate pair");
            Assert.False(char.IsHighSurrogate(form[^1]), "a token ends inside a surrogate pair");
        }
    }
}
