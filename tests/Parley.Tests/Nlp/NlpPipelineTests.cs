using Parley.Documents;
using Parley.Intake;
using Parley.Nlp;
using Parley.Pipeline;
using Xunit;

namespace Parley.Tests.Nlp;

/// <summary>The default pipeline with the shipped model: layers, tree shape and block boundaries.</summary>
public class NlpPipelineTests
{
    internal static NewsDocument Analyze(string text) =>
        ParleyPipelines.CreateDefault().Process(DocumentInput.FromText("t.txt", text));

    /// <summary>Runs the components on the text as it is, one paragraph, without the intake's repairs (which, say, take a dateline out).</summary>
    internal static NewsDocument AnalyzeAsIs(string text)
    {
        var d = new NewsDocument(text);
        d.Sections.Add(new Section { Paragraphs = [new TextSpan(0, text.Length)] });
        ParleyPipelines.CreateDefault().Run(d);
        return d;
    }

    internal static string[] Words(NewsDocument d, int sentence)
    {
        var s = d.Sentences[sentence];
        return Enumerable.Range(s.FirstToken, s.TokenCount).Select(i => d.Token(i).Form).ToArray();
    }

    [Fact]
    public void The_shipped_model_is_found_and_used_by_the_default_pipeline()
    {
        Assert.NotNull(NlpModel.Default);
        var pipeline = ParleyPipelines.CreateDefault();
        Assert.Contains(pipeline.Components, c => c is LearnedSegmenter);
        Assert.Contains(pipeline.Components, c => c is UdAnalyzer);
        foreach (var layer in new[] { Layer.Sentences, Layer.Tokens, Layer.Tags, Layer.Morphology, Layer.Lemmas, Layer.Dependencies })
        {
            Assert.Contains(layer, pipeline.Assigns);
        }
    }

    [Fact]
    public void Every_sentence_is_a_tree_with_one_root_inside_the_sentence()
    {
        var d = Analyze("Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State Hillary Clinton in Geneva on Friday. They agreed to restart talks. \"We have a lot to do,\" Lavrov said.");
        Assert.Equal(3, d.Sentences.Count);
        foreach (var s in d.Sentences)
        {
            int roots = 0;
            for (int i = s.FirstToken; i < s.EndToken; i++)
            {
                var t = d.Tokens[i];
                Assert.NotEqual(UPos.None, t.Upos);
                Assert.False(string.IsNullOrEmpty(t.Lemma));
                Assert.False(string.IsNullOrEmpty(t.DepRel));
                Assert.False(string.IsNullOrEmpty(t.Xpos));
                if (t.Head == -1)
                {
                    roots++;
                    Assert.Equal("root", t.DepRel);
                }
                else
                {
                    Assert.InRange(t.Head, s.FirstToken, s.EndToken - 1);
                    Assert.NotEqual(i, t.Head);
                }
            }

            Assert.Equal(1, roots);
        }

        var lavrov = Enumerable.Range(0, d.Tokens.Count).First(i => d.Token(i).Form == "Lavrov");
        Assert.Equal(UPos.PROPN, d.Tokens[lavrov].Upos);
        var met = Enumerable.Range(0, d.Tokens.Count).First(i => d.Token(i).Form == "met");
        Assert.Equal("meet", d.Tokens[met].Lemma);
        Assert.Equal(UPos.VERB, d.Tokens[met].Upos);
    }

    [Fact]
    public void Sentences_never_cross_title_or_paragraph_boundaries()
    {
        var d = Analyze("Talks in Geneva\n\nThe ministers met on Friday\n\nThey talked for an hour and agreed to meet again");
        foreach (var s in d.Sentences)
        {
            Assert.DoesNotContain("\n", d.Text.Substring(s.Start, s.Length));
        }

        Assert.True(d.Sentences.Count >= 3);
    }

    [Fact]
    public void Multiword_tokens_split_into_words_with_their_own_spans()
    {
        var d = Analyze("I don't think it's over.");
        var forms = Words(d, 0);
        Assert.Equal(["I", "do", "n't", "think", "it", "'s", "over", "."], forms);
        int doIndex = Array.IndexOf(forms, "do");
        Assert.Equal(2, d.Tokens[d.Sentences[0].FirstToken + doIndex].MultiwordParts);
        Assert.Equal("not", d.Tokens[d.Sentences[0].FirstToken + doIndex + 1].Lemma);
    }

    [Fact]
    public void Analysed_documents_still_round_trip_through_json()
    {
        var d = Analyze("The minister said he didn't agree. Talks continue.");
        string json = DocumentJson.Serialize(d);
        var back = DocumentJson.Deserialize(json);
        Assert.Equal(json, DocumentJson.Serialize(back));
        Assert.Equal(d.Tokens.AsSpan().ToArray(), back.Tokens.AsSpan().ToArray());
    }
}
