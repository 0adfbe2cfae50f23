using Parley.Nlp.Learning;

namespace Parley.Nlp.Tokenization;

/// <summary>A token found in text: its span and, for a multi-word token ("don't" = "do" + "n't"), where it splits.</summary>
internal record struct SegmentedToken(int Start, int End, int Split)
{
    public readonly bool IsMultiword => Split > 0;
}

/// <summary>Reusable output of <see cref="LearnedTokenizer.Segment"/>: tokens and the token index after each sentence's last.</summary>
internal sealed class SegmentBuffer
{
    public List<SegmentedToken> Tokens { get; } = [];

    public List<int> SentenceEnds { get; } = [];

    internal List<Atom> Atoms { get; } = [];

    /// <summary>For each piece, the index of the first and last piece of its white-space-delimited chunk.</summary>
    internal List<(int First, int Last)> Chunks { get; } = [];

    public void Clear()
    {
        Tokens.Clear();
        SentenceEnds.Clear();
    }
}

/// <summary>
/// Tokenizer and sentence splitter learned from a treebank's raw text: three averaged-perceptron classifiers
/// decide where pieces of text join into tokens, which tokens are multi-word tokens and where they split,
/// and which tokens end a sentence. Runs in time linear in the text.
/// </summary>
internal sealed class LearnedTokenizer
{
    /// <summary>Longest token built; longer runs of joined pieces are cut.</summary>
    public const int MaxTokenLength = 100;

    /// <summary>Longest sentence, in tokens: text without sentence ends (a list, a run-on input) is cut here so analysis stays linear.</summary>
    public const int MaxSentenceTokens = 250;

    private readonly SparseModel _gaps;
    private readonly SparseModel _multiwords;
    private readonly SparseModel _sentences;
    private readonly HashSet<string> _tails;
    private readonly int _maxTail;

    public LearnedTokenizer(SparseModel gaps, SparseModel multiwords, SparseModel sentences, IEnumerable<string> tails)
    {
        _gaps = gaps;
        _multiwords = multiwords;
        _sentences = sentences;
        _tails = new HashSet<string>(tails, StringComparer.Ordinal);
        _maxTail = _tails.Count == 0 ? 0 : _tails.Max(t => t.Length);
    }

    public IReadOnlyCollection<string> Tails => _tails;

    public int FeatureCount => _gaps.FeatureCount + _multiwords.FeatureCount + _sentences.FeatureCount;

    /// <summary>Tokenises text[start..end) and splits it into sentences.</summary>
    public void Segment(string text, int start, int end, SegmentBuffer output, FeatureBuffer features)
    {
        output.Clear();
        var atoms = output.Atoms;
        Tokenization.Atoms.Split(text, start, end, atoms);
        Tokenization.Atoms.FindChunks(atoms, output.Chunks);
        var chunks = output.Chunks;
        Span<int> scores = stackalloc int[2];
        int tokenStart = 0;
        for (int k = 1; k <= atoms.Count; k++)
        {
            bool split = true;
            if (k < atoms.Count && !atoms[k].SpaceBefore)
            {
                if (atoms[k].End - atoms[tokenStart].Start > MaxTokenLength)
                {
                    split = true;
                }
                else if (text[atoms[k].Start] == '.' && atoms[k].Length == 1 && IsDottedInitials(text.AsSpan(atoms[tokenStart].Start, atoms[k].End - atoms[tokenStart].Start)) &&
                         atoms[k - 1].Kind == Tokenization.Atoms.Kind.Letters && k - 1 > tokenStart)
                {
                    // The full stop of dotted initials ("p.m.", "U.S.") stays with them, as in UD English.
                    split = false;
                }
                else
                {
                    features.Clear();
                    GapFeatures(text, atoms, chunks, tokenStart, k, features);
                    scores.Clear();
                    _gaps.Score(features.Span, scores);
                    split = scores[1] > scores[0];
                }
            }

            if (split)
            {
                output.Tokens.Add(new SegmentedToken(atoms[tokenStart].Start, atoms[k - 1].End, 0));
                tokenStart = k;
            }
        }

        var tokens = output.Tokens;
        for (int t = 0; t < tokens.Count; t++)
        {
            int split = ChooseSplit(text, tokens, t, features);
            if (split > 0)
            {
                tokens[t] = tokens[t] with { Split = split };
            }
        }

        int since = 0;
        for (int t = 0; t < tokens.Count - 1; t++)
        {
            since++;
            features.Clear();
            SentenceFeatures(text, tokens, t, since, end, features);
            scores.Clear();
            _sentences.Score(features.Span, scores);
            if ((scores[1] > scores[0] && (EndsLikeSentence(text, tokens, t) || (scores[1] - scores[0]) * _sentences.Scale > NoPunctuationMargin)) ||
                since >= MaxSentenceTokens)
            {
                output.SentenceEnds.Add(t + 1);
                since = 0;
            }
        }

        if (tokens.Count > 0)
        {
            output.SentenceEnds.Add(tokens.Count);
        }
    }

    /// <summary>
    /// How sure (in weight units) the splitter must be to end a sentence at a token that is not sentence-final
    /// punctuation. Web text often drops the full stop, news text seldom does; a small margin keeps "The Good
    /// Friday | Agreement" together while a line such as a greeting still ends its sentence.
    /// </summary>
    /// <remarks>Chosen on the EWT development set: 5 keeps its sentence F1 within 0.1 of no margin (89.5 against 89.6).</remarks>
    internal const float NoPunctuationMargin = 5f;

    /// <summary>Dotted initials ("p.m", "U.S", "e.g"): one or two letters, a full stop, one or two letters, and so on.</summary>
    private static bool IsDottedInitials(ReadOnlySpan<char> s)
    {
        int letters = 0, dots = 0;
        foreach (char c in s)
        {
            if (char.IsLetter(c))
            {
                if (++letters > 2)
                {
                    return false;
                }
            }
            else if (c == '.' && letters > 0)
            {
                letters = 0;
                dots++;
            }
            else
            {
                return false;
            }
        }

        return dots > 0;
    }

    /// <summary>Whether the token is a sentence-final mark (. ! ? … and runs of them), or a closing quote or bracket right after one.</summary>
    private static bool EndsLikeSentence(string text, List<SegmentedToken> tokens, int t)
    {
        for (int k = t; k >= 0 && k >= t - 2; k--)
        {
            var token = tokens[k];
            char last = text[token.End - 1];
            if (last is '.' or '!' or '?' or '…' or ';' or ':')
            {
                // "6 p.m. Friday", "the U.S. Senate": dotted initials end a sentence only when the splitter is sure.
                return !(last == '.' && token.End - token.Start > 2 && IsDottedInitials(text.AsSpan(token.Start, token.End - token.Start)));
            }

            bool closer = token.End - token.Start == 1 && last is '"' or '\'' or '”' or '’' or '»' or ')' or ']';
            if (!closer)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Where the token splits into two words (characters from its start), or 0.</summary>
    private int ChooseSplit(string text, List<SegmentedToken> tokens, int t, FeatureBuffer features)
    {
        var token = tokens[t];
        int length = token.End - token.Start;
        if (length < 2 || _maxTail == 0)
        {
            return 0;
        }

        Span<int> scores = stackalloc int[2];
        Span<char> lower = stackalloc char[Math.Min(length, MaxTokenLength)];
        if (length > lower.Length)
        {
            return 0;
        }

        text.AsSpan(token.Start, length).ToLowerInvariant(lower);
        var lookup = _tails.GetAlternateLookup<ReadOnlySpan<char>>();
        int best = 0, bestMargin = 0;
        for (int p = Math.Max(1, length - _maxTail); p < length; p++)
        {
            if (!lookup.Contains(lower[p..]))
            {
                continue;
            }

            features.Clear();
            MultiwordFeatures(text, tokens, t, p, features);
            scores.Clear();
            _multiwords.Score(features.Span, scores);
            int margin = scores[1] - scores[0];
            if (margin > bestMargin)
            {
                bestMargin = margin;
                best = p;
            }
        }

        return best;
    }

    private static uint Lower(string text, int start, int end) => FeatureHash.OfLower(text.AsSpan(start, Math.Min(end - start, 40)));

    private static uint AtomClass(string text, Atom a)
    {
        switch (a.Kind)
        {
            case Tokenization.Atoms.Kind.Other:
                return FeatureHash.Canonical(text[a.Start]);
            case Tokenization.Atoms.Kind.Digits:
                return 0x20000u + (uint)Math.Min(a.Length, 5);
            default:
                bool first = char.IsUpper(text[a.Start]);
                bool allUpper = first, allLower = !first;
                for (int i = a.Start + 1; i < a.End; i++)
                {
                    allUpper &= char.IsUpper(text[i]);
                    allLower &= char.IsLower(text[i]);
                }

                uint shape = allLower ? 1u : allUpper ? 2u : first ? 3u : 4u;
                return 0x10000u + shape * 8 + (uint)Math.Min(a.Length, 4);
        }
    }

    /// <summary>Features of the place where atoms[k-1] and atoms[k] touch; the token under construction starts at atoms[first].</summary>
    internal static void GapFeatures(string text, List<Atom> atoms, List<(int First, int Last)> chunks, int first, int k, FeatureBuffer f)
    {
        var left = atoms[k - 1];
        var right = atoms[k];
        var (chunkStart, chunkEnd) = chunks[k];

        bool hasRight2 = k + 1 <= chunkEnd;
        bool hasLeft2 = k - 2 >= chunkStart;
        uint l = Lower(text, left.Start, left.End), r = Lower(text, right.Start, right.End);
        uint lc = AtomClass(text, left), rc = AtomClass(text, right);
        uint l2c = hasLeft2 ? AtomClass(text, atoms[k - 2]) : 1u;
        uint r2c = hasRight2 ? AtomClass(text, atoms[k + 1]) : 1u;
        uint r2 = hasRight2 ? Lower(text, atoms[k + 1].Start, atoms[k + 1].End) : 1u;
        uint soFar = Lower(text, atoms[first].Start, left.End);
        uint chunk = Lower(text, atoms[chunkStart].Start, atoms[chunkEnd].End);
        uint rest = Lower(text, right.Start, atoms[chunkEnd].End);
        uint position = (uint)(k - chunkStart) | (chunkEnd == k ? 0x100u : 0) | (first == chunkStart ? 0x200u : 0);
        f.Add(FeatureHash.Feature(400, 1));
        f.Add(401, l);
        f.Add(402, r);
        f.Add(403, l, r);
        f.Add(404, lc);
        f.Add(405, lc, rc);
        f.Add(406, l2c, lc, rc);
        f.Add(407, lc, rc, r2c);
        f.Add(408, soFar, r);
        f.Add(409, chunk, (uint)(k - chunkStart));
        f.Add(410, r, r2);
        f.Add(411, position, lc, rc);
        f.Add(412, soFar);
        f.Add(413, rest);
        f.Add(414, l, r, r2c);
        f.Add(415, l, rc);
        f.Add(416, lc, r);
        if (chunkEnd == k)
        {
            int next = k + 1 < atoms.Count ? k + 1 : -1;
            f.Add(417, soFar, r, next < 0 ? 0u : AtomClass(text, atoms[next]));
        }
    }

    internal static void MultiwordFeatures(string text, List<SegmentedToken> tokens, int t, int p, FeatureBuffer f)
    {
        var token = tokens[t];
        int split = token.Start + p;
        uint whole = Lower(text, token.Start, token.End);
        uint head = Lower(text, token.Start, split);
        uint tail = Lower(text, split, token.End);
        uint next = t + 1 < tokens.Count ? Lower(text, tokens[t + 1].Start, tokens[t + 1].End) : 1u;
        uint prev = t > 0 ? Lower(text, tokens[t - 1].Start, tokens[t - 1].End) : 1u;
        uint nextShape = t + 1 < tokens.Count ? NlpSentence.ShapeHash(text.AsSpan(tokens[t + 1].Start, tokens[t + 1].End - tokens[t + 1].Start)) : 1u;
        f.Add(FeatureHash.Feature(500, 1));
        f.Add(501, whole);
        f.Add(502, tail);
        f.Add(503, head);
        f.Add(504, tail, next);
        f.Add(505, tail, prev);
        f.Add(506, whole, next);
        f.Add(507, NlpSentence.ShapeHash(text.AsSpan(token.Start, token.End - token.Start)), tail);
        f.Add(508, tail, nextShape);
        f.Add(509, whole, prev);
        f.Add(510, FeatureHash.OfLower(text.AsSpan(Math.Max(token.Start, split - 2), Math.Min(2, p))), tail);
    }

    internal static void SentenceFeatures(string text, List<SegmentedToken> tokens, int t, int since, int blockEnd, FeatureBuffer f)
    {
        var token = tokens[t];
        var next = tokens[t + 1];
        var tokenText = text.AsSpan(token.Start, Math.Min(token.End - token.Start, 40));
        var nextText = text.AsSpan(next.Start, Math.Min(next.End - next.Start, 40));
        uint w = FeatureHash.OfLower(tokenText);
        uint n = FeatureHash.OfLower(nextText);
        uint ws = NlpSentence.ShapeHash(tokenText);
        uint ns = NlpSentence.ShapeHash(nextText);
        uint p = t > 0 ? FeatureHash.OfLower(text.AsSpan(tokens[t - 1].Start, Math.Min(tokens[t - 1].End - tokens[t - 1].Start, 40))) : 1u;
        uint ps = t > 0 ? NlpSentence.ShapeHash(text.AsSpan(tokens[t - 1].Start, Math.Min(tokens[t - 1].End - tokens[t - 1].Start, 40))) : 1u;
        uint n2 = t + 2 < tokens.Count ? FeatureHash.OfLower(text.AsSpan(tokens[t + 2].Start, Math.Min(tokens[t + 2].End - tokens[t + 2].Start, 40))) : 1u;
        uint space = next.Start > token.End ? 1u : 0u;
        uint length = since switch { < 3 => (uint)since, < 6 => 3, < 10 => 4, < 20 => 5, < 40 => 6, _ => 7 };
        f.Add(FeatureHash.Feature(600, 1));
        f.Add(601, w);
        f.Add(602, n);
        f.Add(603, w, ns);
        f.Add(604, p, w);
        f.Add(605, ws, ns);
        f.Add(606, w, n);
        f.Add(607, space, ws, ns);
        f.Add(608, length, ws);
        f.Add(609, ps, ws, ns);
        f.Add(610, w, n2);
        f.Add(611, n, n2);
        f.Add(612, ws);
        f.Add(613, ns, space);
        f.Add(614, p, w, ns);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(_tails.Count);
        foreach (var tail in _tails.Order(StringComparer.Ordinal))
        {
            writer.Write(tail);
        }

        _gaps.Write(writer);
        _multiwords.Write(writer);
        _sentences.Write(writer);
    }

    public static LearnedTokenizer Read(BinaryReader reader)
    {
        int n = reader.ReadInt32();
        if (n < 0 || n > 100_000)
        {
            throw new ParleyException(ErrorCode.ModelFormat, "the tokenizer's list of clitics is damaged");
        }

        var tails = new List<string>(n);
        for (int i = 0; i < n; i++)
        {
            tails.Add(reader.ReadString());
        }

        var gaps = SparseModel.Read(reader);
        var multiwords = SparseModel.Read(reader);
        var sentences = SparseModel.Read(reader);
        if (gaps.Classes != 2 || multiwords.Classes != 2 || sentences.Classes != 2)
        {
            throw new ParleyException(ErrorCode.ModelFormat, "the tokenizer's weights are damaged");
        }

        return new LearnedTokenizer(gaps, multiwords, sentences, tails);
    }
}
