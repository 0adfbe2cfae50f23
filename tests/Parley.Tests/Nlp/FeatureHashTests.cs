using Parley.Nlp.Learning;
using Xunit;

namespace Parley.Tests.Nlp;

public class FeatureHashTests
{
    [Fact]
    public void Fast_lower_case_agrees_with_the_invariant_culture_on_every_UTF16_unit()
    {
        // Trained models hold hashes of lower-cased words: the fast path must never change a single character.
        for (int c = 0; c <= char.MaxValue; c++)
        {
            Assert.Equal(char.ToLowerInvariant((char)c), FeatureHash.LowerInvariant((char)c));
        }
    }
}
