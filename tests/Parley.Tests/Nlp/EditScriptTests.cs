using Parley.Nlp.Lemmatization;
using Xunit;

namespace Parley.Tests.Nlp;

public class EditScriptTests
{
    [Theory]
    [InlineData("studies", "study", "K|ies|y")]
    [InlineData("Studies", "study", "L|ies|y")]
    [InlineData("The", "the", "L||")]
    [InlineData("Zaman", "Zaman", "K||")]
    [InlineData("went", "go", "K|went|go")]
    [InlineData("n't", "not", "K|'t|ot")]
    public void Scripts_turn_words_into_lemmas(string form, string lemma, string script)
    {
        var s = EditScript.Between(form, lemma);
        Assert.Equal(script, s.ToString());
        Assert.True(s.AppliesTo(form));
        Assert.Equal(lemma, s.Apply(form));
        Assert.Equal(s, EditScript.Parse(script));
    }

    [Fact]
    public void A_script_does_not_apply_to_a_word_with_another_ending()
    {
        Assert.False(EditScript.Parse("K|ies|y").AppliesTo("houses"));
        Assert.False(EditScript.Parse("K|went|go").AppliesTo("go"));
    }
}
