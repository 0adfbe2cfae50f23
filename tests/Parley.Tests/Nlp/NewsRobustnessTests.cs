using Xunit;
using static Parley.Tests.Nlp.NlpPipelineTests;

namespace Parley.Tests.Nlp;

/// <summary>How news text tokenises and splits: quotes of every kind, datelines, dashes, abbreviations, translated prose.</summary>
public class NewsRobustnessTests
{
    private static string[][] Sentences(string text, bool asIs = false)
    {
        var d = asIs ? AnalyzeAsIs(text) : Analyze(text);
        return Enumerable.Range(0, d.Sentences.Count).Select(i => Words(d, i)).ToArray();
    }

    [Fact]
    public void Dateline_in_capitals_stays_in_its_sentence_and_splits_into_tokens()
    {
        // As is: the intake would take a recognised dateline out of the body, but an unrecognised one stays in the text.
        var s = Sentences("MOSCOW, March 6 (RIA Novosti) - Russia and the United States will resume talks, the Foreign Ministry said on Friday.", asIs: true);
        Assert.Single(s);
        Assert.Equal(["MOSCOW", ",", "March", "6", "(", "RIA", "Novosti", ")", "-", "Russia"], s[0][..10]);
    }

    [Fact]
    public void Curly_quotes_are_tokens_of_their_own()
    {
        var s = Sentences("“We agreed on everything,” the minister said.");
        Assert.Single(s);
        Assert.Equal(["“", "We", "agreed", "on", "everything", ",", "”", "the", "minister", "said", "."], s[0]);
    }

    [Fact]
    public void Guillemets_are_tokens_of_their_own()
    {
        var s = Sentences("«We will not accept this,» the minister said.");
        Assert.Single(s);
        Assert.Equal("«", s[0][0]);
        Assert.Equal("We", s[0][1]);
        Assert.Contains("»", s[0]);
        Assert.DoesNotContain(s[0], w => w.Length > 1 && (w.Contains('«') || w.Contains('»')));
    }

    [Fact]
    public void Low_and_high_quotes_are_tokens_of_their_own()
    {
        var s = Sentences("„This is an important step“, the spokesman said.");
        Assert.Single(s);
        Assert.Equal("„", s[0][0]);
        Assert.Contains("“", s[0]);
        Assert.DoesNotContain(s[0], w => w.Length > 1 && (w.Contains('„') || w.Contains('“')));
    }

    [Fact]
    public void A_dash_introducing_the_speaker_keeps_quote_and_attribution_together()
    {
        var s = Sentences("\"We will continue the dialogue\", - said the Minister. Then he left.");
        Assert.Equal(2, s.Length);
        Assert.Contains("-", s[0]);
        Assert.Equal("Minister", s[0][^2]);

        var dash = Sentences("\"The talks were useful\" — said the minister.");
        Assert.Single(dash);
        Assert.Contains("—", dash[0]);
    }

    [Fact]
    public void Abbreviations_keep_their_full_stop_and_do_not_end_the_sentence()
    {
        var s = Sentences("The U.S. delegation arrived on Dec. 5 and met Mr. Lavrov in Geneva.");
        Assert.Single(s);
        Assert.Contains("U.S.", s[0]);
        Assert.Contains("Dec.", s[0]);
        Assert.Contains("Mr.", s[0]);
        Assert.Equal(".", s[0][^1]);
    }

    [Fact]
    public void Machine_translated_prose_splits_into_its_sentences()
    {
        // Written in the manner of a machine-translated wire report: odd word order, stray spaces before punctuation.
        var s = Sentences("As the minister has informed , the sides have discussed the wide spectrum of questions. " +
                          "At the meeting it was spoken about the strategic stability , and also about situation in Afghanistan. " +
                          "The next meeting of the ministers will take place in April , has added he.");
        Assert.Equal(3, s.Length);
        Assert.Equal(",", s[0][5]);
        Assert.Equal(".", s[2][^1]);
    }

    [SkippableFact]
    public void The_seed_report_tokenises_into_whole_sentences()
    {
        var path = TestData.Require("seed", "000_53c4489924289c88.txt");
        var d = Parley.Pipeline.ParleyPipelines.CreateDefault().Process(Parley.Intake.DocumentInput.FromFile(path));
        Assert.True(d.Sentences.Count >= 10);
        int covered = 0;
        foreach (var s in d.Sentences)
        {
            Assert.InRange(s.TokenCount, 1, 120);
            for (int i = s.FirstToken; i < s.EndToken; i++)
            {
                var t = d.Tokens[i];
                Assert.DoesNotContain(d.Text.Substring(t.Start, t.Length), char.IsWhiteSpace);
                covered += t.Length;
            }
        }

        Assert.Equal(d.Text.Count(c => !char.IsWhiteSpace(c)), covered);
    }
}
