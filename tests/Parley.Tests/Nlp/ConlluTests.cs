using Parley.Nlp.Conllu;
using Xunit;

namespace Parley.Tests.Nlp;

public class ConlluTests
{
    private const string Sample =
        "# newdoc id = d1\n# sent_id = s1\n# text = I don't know.\n" +
        "1\tI\tI\tPRON\tPRP\tCase=Nom\t4\tnsubj\t_\t_\n" +
        "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
        "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n" +
        "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n" +
        "3.1\telided\t_\t_\t_\t_\t_\t_\t_\t_\n" +
        "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n" +
        "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";

    [Fact]
    public void Reads_words_multiword_tokens_and_comments_and_skips_empty_nodes()
    {
        var s = Assert.Single(ConlluReader.Read(new StringReader(Sample)));
        Assert.True(s.NewDocument);
        Assert.Equal("I don't know.", s.Text);
        Assert.Equal(5, s.Words.Count);
        var mw = Assert.Single(s.Multiwords);
        Assert.Equal((2, 3, "don't"), (mw.First, mw.Last, mw.Form));
        Assert.False(s.Words[3].SpaceAfter);
        Assert.Equal(["I", "don't", "know", "."], s.SurfaceTokens().Select(t => t.Form));
        Assert.Equal("I don't know.", s.RebuildText());
    }

    [Fact]
    public void Writing_and_reading_again_keeps_everything()
    {
        var first = ConlluReader.Read(new StringReader(Sample));
        var again = ConlluReader.Read(new StringReader(ConlluWriter.ToText(first)));
        Assert.Equal(ConlluWriter.ToText(first), ConlluWriter.ToText(again));
        Assert.Equal(4, again[0].Words[0].Head);
    }

    [Theory]
    [InlineData("1\tonly\tthree\n\n")]
    [InlineData("2\tskipped\t_\t_\t_\t_\t0\troot\t_\t_\n\n")]
    [InlineData("x-y\tbad\t_\t_\t_\t_\t_\t_\t_\t_\n\n")]
    [InlineData("1\tw\t_\t_\t_\t_\tnine\troot\t_\t_\n\n")]
    public void Malformed_lines_are_reported_with_their_line_number(string text)
    {
        var e = Assert.Throws<ParleyException>(() => ConlluReader.Read(new StringReader(text), "t.conllu"));
        Assert.Equal(ErrorCode.MalformedInput, e.Code);
        Assert.Contains("t.conllu, line 1", e.Message);
    }
}
