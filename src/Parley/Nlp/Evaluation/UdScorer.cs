using System.Globalization;
using Parley.Nlp.Conllu;

namespace Parley.Nlp.Evaluation;

/// <summary>Precision, recall and F1 of one metric, with counts; <see cref="AlignedAccuracy"/> for word-level metrics.</summary>
public readonly record struct UdScore(int Correct, int GoldTotal, int SystemTotal, int? AlignedTotal)
{
    public double Precision => SystemTotal == 0 ? 0 : (double)Correct / SystemTotal;

    public double Recall => GoldTotal == 0 ? 0 : (double)Correct / GoldTotal;

    public double F1 => GoldTotal + SystemTotal == 0 ? 0 : 2.0 * Correct / (GoldTotal + SystemTotal);

    public double? AlignedAccuracy => AlignedTotal is > 0 ? (double)Correct / AlignedTotal.Value : null;
}

/// <summary>
/// The CoNLL 2018 shared-task evaluation (the official conll18_ud_eval.py, version 1.2), written anew:
/// tokens and sentences are compared as character spans over the text with white space removed; words
/// are aligned by span, and inside multi-word spans by the longest common subsequence of their lowercased
/// forms; tag, lemma and attachment metrics count aligned words whose values agree. Only universal
/// features and the universal part of relations count, as in the official scorer.
/// </summary>
public static class UdScorer
{
    public static readonly string[] MetricNames =
        ["Tokens", "Sentences", "Words", "UPOS", "XPOS", "UFeats", "AllTags", "Lemmas", "UAS", "LAS", "CLAS", "MLAS", "BLEX"];

    private static readonly HashSet<string> UniversalFeatures = new(StringComparer.Ordinal)
    {
        "PronType", "NumType", "Poss", "Reflex", "Foreign", "Abbr", "Gender", "Animacy", "Number", "Case", "Definite", "Degree",
        "VerbForm", "Mood", "Tense", "Aspect", "Voice", "Evident", "Polarity", "Person", "Polite",
    };

    private static readonly HashSet<string> ContentRelations = new(StringComparer.Ordinal)
    {
        "nsubj", "obj", "iobj", "csubj", "ccomp", "xcomp", "obl", "vocative", "expl", "dislocated", "advcl", "advmod", "discourse",
        "nmod", "appos", "nummod", "acl", "amod", "conj", "fixed", "flat", "compound", "list", "parataxis", "orphan", "goeswith",
        "reparandum", "root", "dep",
    };

    private static readonly HashSet<string> FunctionalRelations = new(StringComparer.Ordinal) { "aux", "cop", "mark", "det", "clf", "case", "cc" };

    private sealed class Word
    {
        public int Start;
        public int End;
        public bool IsMultiword;
        public string Form = "";
        public string Lemma = "";
        public string Upos = "";
        public string Xpos = "";
        public string Feats = "";
        public string DepRel = "";
        public Word? Parent;
        public bool IsContent;
        public bool IsFunctional;
        public List<Word> FunctionalChildren = [];
    }

    private sealed class Representation
    {
        public List<char> Characters = [];
        public List<(int Start, int End)> Tokens = [];
        public List<(int Start, int End)> Sentences = [];
        public List<Word> Words = [];
    }

    /// <summary>Scores a system analysis against gold. Throws when the two do not cover the same characters.</summary>
    public static Dictionary<string, UdScore> Evaluate(IReadOnlyList<ConlluSentence> gold, IReadOnlyList<ConlluSentence> system)
    {
        var g = Load(gold, "gold");
        var s = Load(system, "system");
        if (!g.Characters.SequenceEqual(s.Characters))
        {
            int i = 0;
            while (i < g.Characters.Count && i < s.Characters.Count && g.Characters[i] == s.Characters[i])
            {
                i++;
            }

            string Around(List<char> chars) => new([.. chars.Skip(i).Take(20)]);
            throw new ParleyException(ErrorCode.MalformedInput,
                $"the gold and system tokens do not spell the same text; first difference at character {i}: gold '{Around(g.Characters)}', system '{Around(s.Characters)}'");
        }

        var alignment = Align(g.Words, s.Words);
        var map = new Dictionary<Word, Word>(ReferenceEqualityComparer.Instance);
        foreach (var (gw, sw) in alignment)
        {
            map[sw] = gw;
        }

        // The system word's head mapped to the gold word aligned with it; a sentinel when it has none.
        var notAligned = new Word();
        Word? GoldOf(Word? systemWord) => systemWord is null ? null : map.GetValueOrDefault(systemWord, notAligned);

        string LemmaKey(Word w, Word gw) => gw.Lemma == "_" ? "_" : w.Lemma;

        var result = new Dictionary<string, UdScore>(StringComparer.Ordinal)
        {
            ["Tokens"] = SpanScore(g.Tokens, s.Tokens),
            ["Sentences"] = SpanScore(g.Sentences, s.Sentences),
            ["Words"] = new UdScore(alignment.Count, g.Words.Count, s.Words.Count, null),
            ["UPOS"] = Score(g, s, alignment, (gw, sw) => gw.Upos == sw.Upos),
            ["XPOS"] = Score(g, s, alignment, (gw, sw) => gw.Xpos == sw.Xpos),
            ["UFeats"] = Score(g, s, alignment, (gw, sw) => gw.Feats == sw.Feats),
            ["AllTags"] = Score(g, s, alignment, (gw, sw) => gw.Upos == sw.Upos && gw.Xpos == sw.Xpos && gw.Feats == sw.Feats),
            ["Lemmas"] = Score(g, s, alignment, (gw, sw) => LemmaKey(gw, gw) == LemmaKey(sw, gw)),
            ["UAS"] = Score(g, s, alignment, (gw, sw) => gw.Parent == GoldOf(sw.Parent)),
            ["LAS"] = Score(g, s, alignment, (gw, sw) => gw.Parent == GoldOf(sw.Parent) && gw.DepRel == sw.DepRel),
            ["CLAS"] = Score(g, s, alignment, (gw, sw) => gw.Parent == GoldOf(sw.Parent) && gw.DepRel == sw.DepRel, w => w.IsContent),
            ["MLAS"] = Score(g, s, alignment, (gw, sw) => gw.Parent == GoldOf(sw.Parent) && gw.DepRel == sw.DepRel && gw.Upos == sw.Upos &&
                gw.Feats == sw.Feats && SameFunctionalChildren(gw, sw, GoldOf), w => w.IsContent),
            ["BLEX"] = Score(g, s, alignment, (gw, sw) => gw.Parent == GoldOf(sw.Parent) && gw.DepRel == sw.DepRel &&
                LemmaKey(gw, gw) == LemmaKey(sw, gw), w => w.IsContent),
        };
        return result;
    }

    private static bool SameFunctionalChildren(Word gw, Word sw, Func<Word?, Word?> goldOf)
    {
        if (gw.FunctionalChildren.Count != sw.FunctionalChildren.Count)
        {
            return false;
        }

        for (int i = 0; i < gw.FunctionalChildren.Count; i++)
        {
            var a = gw.FunctionalChildren[i];
            var b = sw.FunctionalChildren[i];
            if (a != goldOf(b) || a.DepRel != b.DepRel || a.Upos != b.Upos || a.Feats != b.Feats)
            {
                return false;
            }
        }

        return true;
    }

    private static UdScore Score(Representation g, Representation s, List<(Word Gold, Word System)> alignment, Func<Word, Word, bool> equal,
        Func<Word, bool>? filter = null)
    {
        int gold = 0, system = 0, aligned = 0, correct = 0;
        foreach (var w in g.Words)
        {
            gold += filter is null || filter(w) ? 1 : 0;
        }

        foreach (var w in s.Words)
        {
            system += filter is null || filter(w) ? 1 : 0;
        }

        foreach (var (gw, sw) in alignment)
        {
            if (filter is not null && !filter(gw))
            {
                continue;
            }

            aligned++;
            correct += equal(gw, sw) ? 1 : 0;
        }

        return new UdScore(correct, gold, system, aligned);
    }

    private static UdScore SpanScore(List<(int Start, int End)> gold, List<(int Start, int End)> system)
    {
        int correct = 0, gi = 0, si = 0;
        while (gi < gold.Count && si < system.Count)
        {
            if (system[si].Start < gold[gi].Start)
            {
                si++;
            }
            else if (gold[gi].Start < system[si].Start)
            {
                gi++;
            }
            else
            {
                correct += gold[gi].End == system[si].End ? 1 : 0;
                gi++;
                si++;
            }
        }

        return new UdScore(correct, gold.Count, system.Count, null);
    }

    private static Representation Load(IReadOnlyList<ConlluSentence> sentences, string which)
    {
        var r = new Representation();
        int index = 0;
        foreach (var sentence in sentences)
        {
            int sentenceStart = index;
            int firstWord = r.Words.Count;
            foreach (var (first, last, form, _) in sentence.SurfaceTokens())
            {
                string chars = WithoutSpaces(form);
                if (chars.Length == 0)
                {
                    throw new ParleyException(ErrorCode.MalformedInput, $"{which}: a token has an empty form in sentence {sentence.SentId}");
                }

                r.Characters.AddRange(chars);
                r.Tokens.Add((index, index + chars.Length));
                for (int i = first; i <= last; i++)
                {
                    r.Words.Add(MakeWord(sentence.Words[i], index, index + chars.Length, first != last));
                }

                index += chars.Length;
            }

            if (r.Words.Count == firstWord)
            {
                continue;
            }

            // Heads: 1-based within the sentence; check range, cycles and a single root as the official scorer does.
            int n = r.Words.Count - firstWord;
            int roots = 0;
            for (int i = 0; i < n; i++)
            {
                int head = sentence.Words[i].Head;
                if (head < 0 || head > n)
                {
                    throw new ParleyException(ErrorCode.MalformedInput, $"{which}: HEAD {head} points outside sentence {sentence.SentId}");
                }

                if (head == 0)
                {
                    roots++;
                }
                else
                {
                    r.Words[firstWord + i].Parent = r.Words[firstWord + head - 1];
                }
            }

            if (roots != 1)
            {
                throw new ParleyException(ErrorCode.MalformedInput, $"{which}: sentence {sentence.SentId} has {roots} roots; exactly one is required");
            }

            for (int i = 0; i < n; i++)
            {
                var w = r.Words[firstWord + i];
                int steps = 0;
                for (var p = w.Parent; p is not null; p = p.Parent)
                {
                    if (++steps > n)
                    {
                        throw new ParleyException(ErrorCode.MalformedInput, $"{which}: there is a cycle in sentence {sentence.SentId}");
                    }
                }

                if (w.Parent is not null && w.IsFunctional)
                {
                    w.Parent.FunctionalChildren.Add(w);
                }
            }

            r.Sentences.Add((sentenceStart, index));
        }

        return r;
    }

    private static Word MakeWord(ConlluWord w, int start, int end, bool multiword)
    {
        string rel = w.DepRel;
        int colon = rel.IndexOf(':');
        if (colon >= 0)
        {
            rel = rel[..colon];
        }

        return new Word
        {
            Start = start, End = end, IsMultiword = multiword, Form = WithoutSpaces(w.Form), Lemma = w.Lemma, Upos = w.Upos, Xpos = w.Xpos,
            Feats = UniversalFeats(w.Feats), DepRel = rel, IsContent = ContentRelations.Contains(rel), IsFunctional = FunctionalRelations.Contains(rel),
        };
    }

    private static string UniversalFeats(string feats)
    {
        var kept = new List<string>();
        foreach (var f in feats.Split('|'))
        {
            int eq = f.IndexOf('=');
            string name = eq < 0 ? f : f[..eq];
            if (UniversalFeatures.Contains(name))
            {
                kept.Add(f);
            }
        }

        kept.Sort(StringComparer.Ordinal);
        return string.Join('|', kept);
    }

    /// <summary>Removes characters of Unicode category Zs (space separators), as the official scorer does.</summary>
    private static string WithoutSpaces(string s)
    {
        bool any = false;
        foreach (char c in s)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator)
            {
                any = true;
                break;
            }
        }

        if (!any)
        {
            return s;
        }

        var sb = new System.Text.StringBuilder(s.Length);
        foreach (char c in s)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.SpaceSeparator)
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static List<(Word Gold, Word System)> Align(List<Word> gold, List<Word> system)
    {
        var result = new List<(Word, Word)>();
        int gi = 0, si = 0;
        while (gi < gold.Count && si < system.Count)
        {
            if (gold[gi].IsMultiword || system[si].IsMultiword)
            {
                var (gs, ss, ge, se) = MultiwordSpan(gold, system, gi, si);
                gi = ge;
                si = se;
                if (ge > gs && se > ss)
                {
                    AlignByLcs(gold, system, gs, ge, ss, se, result);
                }
            }
            else if (gold[gi].Start == system[si].Start && gold[gi].End == system[si].End)
            {
                result.Add((gold[gi++], system[si++]));
            }
            else if (gold[gi].Start <= system[si].Start)
            {
                gi++;
            }
            else
            {
                si++;
            }
        }

        return result;
    }

    /// <summary>The smallest span holding the multi-word token(s) at gi/si so that none of them sticks out.</summary>
    private static (int Gs, int Ss, int Ge, int Se) MultiwordSpan(List<Word> gold, List<Word> system, int gi, int si)
    {
        int end;
        if (gold[gi].IsMultiword)
        {
            end = gold[gi].End;
            if (!system[si].IsMultiword && system[si].Start < gold[gi].Start)
            {
                si++;
            }
        }
        else
        {
            end = system[si].End;
            if (!gold[gi].IsMultiword && gold[gi].Start < system[si].Start)
            {
                gi++;
            }
        }

        int gs = gi, ss = si;
        while (!BeyondEnd(gold, gi, end) || !BeyondEnd(system, si, end))
        {
            if (gi < gold.Count && (si >= system.Count || gold[gi].Start <= system[si].Start))
            {
                end = ExtendEnd(gold[gi], end);
                gi++;
            }
            else
            {
                end = ExtendEnd(system[si], end);
                si++;
            }
        }

        return (gs, ss, gi, si);
    }

    private static bool BeyondEnd(List<Word> words, int i, int end)
    {
        if (i >= words.Count)
        {
            return true;
        }

        return words[i].IsMultiword ? words[i].Start >= end : words[i].End > end;
    }

    private static int ExtendEnd(Word word, int end) => word.IsMultiword && word.End > end ? word.End : end;

    private static void AlignByLcs(List<Word> gold, List<Word> system, int gs, int ge, int ss, int se, List<(Word, Word)> result)
    {
        int gn = ge - gs, sn = se - ss;
        var lcs = new int[gn + 1, sn + 1];
        for (int g = gn - 1; g >= 0; g--)
        {
            for (int s = sn - 1; s >= 0; s--)
            {
                int best = SameForm(gold[gs + g], system[ss + s]) ? 1 + lcs[g + 1, s + 1] : 0;
                best = Math.Max(best, lcs[g + 1, s]);
                lcs[g, s] = Math.Max(best, lcs[g, s + 1]);
            }
        }

        int gi = 0, si = 0;
        while (gi < gn && si < sn)
        {
            if (SameForm(gold[gs + gi], system[ss + si]))
            {
                result.Add((gold[gs + gi], system[ss + si]));
                gi++;
                si++;
            }
            else if (lcs[gi, si] == lcs[gi + 1, si])
            {
                gi++;
            }
            else
            {
                si++;
            }
        }
    }

    private static bool SameForm(Word a, Word b) => string.Equals(a.Form.ToLowerInvariant(), b.Form.ToLowerInvariant(), StringComparison.Ordinal);
}
