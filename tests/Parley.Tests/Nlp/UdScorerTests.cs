using Parley.Nlp.Conllu;
using Parley.Nlp.Evaluation;
using Xunit;

namespace Parley.Tests.Nlp;

/// <summary>The CoNLL 2018 alignment rules, on tiny hand-made sentences.</summary>
public class UdScorerTests
{
    /// <summary>
    /// Builds one sentence from tokens written as "form" or "form word word..." (a multi-word token);
    /// every word hangs from the first, which is the root.
    /// </summary>
    private static List<ConlluSentence> Sentence(params string[] tokens)
    {
        var s = new ConlluSentence();
        foreach (var token in tokens)
        {
            var parts = token.Split(' ');
            if (parts.Length == 1)
            {
                s.Words.Add(new ConlluWord { Form = parts[0], Upos = "X", DepRel = "dep" });
            }
            else
            {
                int first = s.Words.Count + 1;
                foreach (var word in parts[1..])
                {
                    s.Words.Add(new ConlluWord { Form = word, Upos = "X", DepRel = "dep" });
                }

                s.Multiwords.Add(new ConlluMultiword(first, s.Words.Count, parts[0], true));
            }
        }

        for (int i = 0; i < s.Words.Count; i++)
        {
            s.Words[i].Head = i == 0 ? 0 : 1;
            s.Words[i].DepRel = i == 0 ? "root" : "dep";
        }

        return [s];
    }

    private static int AlignedWords(string[] gold, string[] system) =>
        UdScorer.Evaluate(Sentence(gold), Sentence(system))["Words"].Correct;

    [Theory]
    [InlineData(new[] { "a" }, new[] { "a" }, 1)]
    [InlineData(new[] { "a", "b", "c" }, new[] { "a", "b", "c" }, 3)]
    [InlineData(new[] { "abc a b c" }, new[] { "a", "b", "c" }, 3)]
    [InlineData(new[] { "a", "bc b c", "d" }, new[] { "a", "b", "c", "d" }, 4)]
    [InlineData(new[] { "abcd a b c d" }, new[] { "ab a b", "cd c d" }, 4)]
    [InlineData(new[] { "abcd" }, new[] { "a", "b", "c", "d" }, 0)]
    [InlineData(new[] { "abc", "d" }, new[] { "a", "b", "c", "d" }, 1)]
    [InlineData(new[] { "a", "bc b c", "d" }, new[] { "a", "b", "cd" }, 2)]
    [InlineData(new[] { "ab a b", "cd bc d" }, new[] { "a", "bc", "d" }, 2)]
    public void Words_align_by_span_and_inside_multiword_tokens_by_common_subsequence(string[] gold, string[] system, int aligned)
    {
        Assert.Equal(aligned, AlignedWords(gold, system));
    }

    [Fact]
    public void Different_text_is_an_error()
    {
        var e = Assert.Throws<ParleyException>(() => UdScorer.Evaluate(Sentence("a"), Sentence("b")));
        Assert.Equal(ErrorCode.MalformedInput, e.Code);
    }

    [Fact]
    public void Sentence_f1_counts_exact_spans()
    {
        var gold = Sentence("a", "b").Concat(Sentence("c", "d")).ToList();
        var system = Sentence("a", "b", "c", "d");
        var scores = UdScorer.Evaluate(gold, system);
        Assert.Equal(0, scores["Sentences"].Correct);
        Assert.Equal(2, scores["Sentences"].GoldTotal);
        Assert.Equal(1, scores["Sentences"].SystemTotal);
        Assert.Equal(1.0, scores["Tokens"].F1);
    }

    [Fact]
    public void Attachment_compares_heads_through_the_alignment_and_only_the_universal_relation()
    {
        var gold = Sentence("a", "b", "c");
        var system = Sentence("a", "b", "c");
        gold[0].Words[2].DepRel = "nmod:poss";
        system[0].Words[2].DepRel = "nmod";
        system[0].Words[1].Head = 3;
        var scores = UdScorer.Evaluate(gold, system);
        Assert.Equal(2, scores["UAS"].Correct);
        Assert.Equal(2, scores["LAS"].Correct);
    }

    [Fact]
    public void Only_universal_features_count_and_their_order_does_not_matter()
    {
        var gold = Sentence("a");
        var system = Sentence("a");
        gold[0].Words[0].Feats = "Number=Sing|Person=3|Custom=Yes";
        system[0].Words[0].Feats = "Person=3|Number=Sing";
        Assert.Equal(1, UdScorer.Evaluate(gold, system)["UFeats"].Correct);
    }
}
