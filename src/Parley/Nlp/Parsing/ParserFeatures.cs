using System.Runtime.CompilerServices;
using Parley.Nlp.Learning;

namespace Parley.Nlp.Parsing;

/// <summary>
/// The features of an arc-eager configuration, after Zhang and Nivre (2011, "Transition-based dependency
/// parsing with rich non-local features"): words and tags of the stack top, the buffer front and their
/// neighbours, distance, valency, nearest dependents and their labels, and label sets.
/// </summary>
internal static class ParserFeatures
{
    private const uint RootWord = 0x7007u;
    private const uint RootTag = 0x7008u;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint W(int i, int n, uint[] words) => i < 0 ? 0 : i == n ? RootWord : words[i];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint P(int i, int n, uint[] tags) => i < 0 ? 0 : i == n ? RootTag : tags[i];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint L(ParserState st, int i) => i < 0 || i == st.N ? 0 : (uint)(st.Label[i] + 1);

    private static uint Distance(int a, int b)
    {
        int d = Math.Abs(b - a);
        return d switch { <= 4 => (uint)d, <= 6 => 5, <= 9 => 6, _ => 7 };
    }

    public static void Extract(ParserState st, uint[] words, uint[] tags, FeatureBuffer f)
    {
        int n = st.N;
        int s0 = st.S0;
        int s1 = st.S1;
        int n0 = st.Buffer < n ? st.Buffer : -1;
        int n1 = st.Buffer + 1 < n ? st.Buffer + 1 : -1;
        int n2 = st.Buffer + 2 < n ? st.Buffer + 2 : -1;
        bool s0Word = s0 >= 0 && s0 < n;
        int s0h = s0Word && st.Head[s0] >= 0 ? st.Head[s0] : -1;
        int s0h2 = s0h >= 0 && s0h < n && st.Head[s0h] >= 0 ? st.Head[s0h] : -1;
        int s0l = s0Word ? st.Left1[s0] : -1, s0l2 = s0Word ? st.Left2[s0] : -1;
        int s0r = s0Word ? st.Right1[s0] : -1, s0r2 = s0Word ? st.Right2[s0] : -1;
        int n0l = n0 >= 0 ? st.Left1[n0] : -1, n0l2 = n0 >= 0 ? st.Left2[n0] : -1;

        uint s0w = W(s0, n, words), s0p = P(s0, n, tags);
        uint n0w = W(n0, n, words), n0p = P(n0, n, tags);
        uint n1w = W(n1, n, words), n1p = P(n1, n, tags);
        uint n2w = W(n2, n, words), n2p = P(n2, n, tags);
        uint s1w = W(s1, n, words), s1p = P(s1, n, tags);

        f.Add(FeatureHash.Feature(300, 1));

        // Single words.
        f.Add(301, s0w, s0p);
        f.Add(302, s0w);
        f.Add(303, s0p);
        f.Add(304, n0w, n0p);
        f.Add(305, n0w);
        f.Add(306, n0p);
        f.Add(307, n1w, n1p);
        f.Add(308, n1w);
        f.Add(309, n1p);
        f.Add(310, n2w, n2p);
        f.Add(311, n2w);
        f.Add(312, n2p);

        // Pairs.
        f.Add(313, FeatureHash.Feature(0, s0w, s0p), n0w, n0p);
        f.Add(314, FeatureHash.Feature(0, s0w, s0p), n0w);
        f.Add(315, s0w, FeatureHash.Feature(0, n0w, n0p));
        f.Add(316, FeatureHash.Feature(0, s0w, s0p), n0p);
        f.Add(317, s0p, FeatureHash.Feature(0, n0w, n0p));
        f.Add(318, s0w, n0w);
        f.Add(319, s0p, n0p);
        f.Add(320, n0p, n1p);

        // Triples of tags.
        f.Add(321, n0p, n1p, n2p);
        f.Add(322, s0p, n0p, n1p);
        f.Add(323, P(s0h, n, tags), s0p, n0p);
        f.Add(324, s0p, P(s0l, n, tags), n0p);
        f.Add(325, s0p, P(s0r, n, tags), n0p);
        f.Add(326, s0p, n0p, P(n0l, n, tags));

        // Distance between the stack top and the buffer front.
        if (s0Word && n0 >= 0)
        {
            uint d = Distance(s0, n0);
            f.Add(327, s0w, d);
            f.Add(328, s0p, d);
            f.Add(329, n0w, d);
            f.Add(330, n0p, d);
            f.Add(331, FeatureHash.Feature(0, s0w, n0w), d);
            f.Add(332, s0p, n0p, d);
        }

        // Valency.
        uint s0vr = s0Word ? (uint)Math.Min(st.RightCount[s0], 4) : 9, s0vl = s0Word ? (uint)Math.Min(st.LeftCount[s0], 4) : 9;
        uint n0vl = n0 >= 0 ? (uint)Math.Min(st.LeftCount[n0], 4) : 9;
        f.Add(333, s0w, s0vr);
        f.Add(334, s0p, s0vr);
        f.Add(335, s0w, s0vl);
        f.Add(336, s0p, s0vl);
        f.Add(337, n0w, n0vl);
        f.Add(338, n0p, n0vl);

        // Heads and nearest dependents.
        f.Add(339, W(s0h, n, words));
        f.Add(340, P(s0h, n, tags));
        f.Add(341, L(st, s0));
        f.Add(342, W(s0l, n, words));
        f.Add(343, P(s0l, n, tags));
        f.Add(344, L(st, s0l));
        f.Add(345, W(s0r, n, words));
        f.Add(346, P(s0r, n, tags));
        f.Add(347, L(st, s0r));
        f.Add(348, W(n0l, n, words));
        f.Add(349, P(n0l, n, tags));
        f.Add(350, L(st, n0l));

        // Third order.
        f.Add(351, W(s0h2, n, words));
        f.Add(352, P(s0h2, n, tags));
        f.Add(353, L(st, s0h));
        f.Add(354, W(s0l2, n, words));
        f.Add(355, P(s0l2, n, tags));
        f.Add(356, L(st, s0l2));
        f.Add(357, W(s0r2, n, words));
        f.Add(358, P(s0r2, n, tags));
        f.Add(359, L(st, s0r2));
        f.Add(360, W(n0l2, n, words));
        f.Add(361, P(n0l2, n, tags));
        f.Add(362, L(st, n0l2));
        f.Add(363, s0p, P(s0l, n, tags), P(s0l2, n, tags));
        f.Add(364, s0p, P(s0r, n, tags), P(s0r2, n, tags));
        f.Add(365, s0p, P(s0h, n, tags), P(s0h2, n, tags));
        f.Add(366, n0p, P(n0l, n, tags), P(n0l2, n, tags));

        // Label sets of the dependents found so far.
        uint s0sr = s0Word ? (uint)(st.RightLabels[s0] ^ (st.RightLabels[s0] >> 32)) : 0;
        uint s0sl = s0Word ? (uint)(st.LeftLabels[s0] ^ (st.LeftLabels[s0] >> 32)) : 0;
        uint n0sl = n0 >= 0 ? (uint)(st.LeftLabels[n0] ^ (st.LeftLabels[n0] >> 32)) : 0;
        f.Add(367, s0w, s0sr);
        f.Add(368, s0p, s0sr);
        f.Add(369, s0w, s0sl);
        f.Add(370, s0p, s0sl);
        f.Add(371, n0w, n0sl);
        f.Add(372, n0p, n0sl);

        // The second stack item, which arc-eager often has to look past.
        f.Add(373, s1w, s1p);
        f.Add(374, s1p, s0p, n0p);
        f.Add(375, s1w, n0w);
        f.Add(376, s0Word && st.Head[s0] >= 0 ? 1u : 0u, s0p, n0p);
        f.Add(377, (uint)Math.Min(st.StackCount, 4), n0p);
    }
}
