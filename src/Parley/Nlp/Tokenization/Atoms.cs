using System.Globalization;
using System.Runtime.CompilerServices;

namespace Parley.Nlp.Tokenization;

/// <summary>
/// The smallest pieces a token is made of: a run of letters, a run of digits, or one other character.
/// White space separates pieces and is never part of one. The learned tokenizer only decides, at each
/// place where two pieces touch, whether a token ends there.
/// </summary>
internal static class Atoms
{
    /// <summary>Longest run kept as one piece, so a malformed input cannot make one huge token.</summary>
    public const int MaxRun = 200;

    public enum Kind : byte
    {
        Letters = 1,
        Digits = 2,
        Other = 3,
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Kind KindOf(char c)
    {
        if (char.IsLetter(c))
        {
            return Kind.Letters;
        }

        if (char.IsDigit(c))
        {
            return Kind.Digits;
        }

        // Combining marks stay with the letters they modify.
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            ? Kind.Letters
            : Kind.Other;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\u200B' || c == '\uFEFF' || char.IsControl(c);

    /// <summary>For each piece, the first and last piece of its chunk (pieces not separated by white space), in linear time.</summary>
    public static void FindChunks(List<Atom> atoms, List<(int First, int Last)> chunks)
    {
        chunks.Clear();
        int first = 0;
        for (int k = 0; k < atoms.Count; k++)
        {
            if (atoms[k].SpaceBefore)
            {
                first = k;
            }

            chunks.Add((first, -1));
        }

        int last = atoms.Count - 1;
        for (int k = atoms.Count - 1; k >= 0; k--)
        {
            chunks[k] = (chunks[k].First, last);
            if (atoms[k].SpaceBefore)
            {
                last = k - 1;
            }
        }
    }

    /// <summary>Splits text[start..end) into pieces; each gets whether white space comes before it.</summary>
    public static void Split(string text, int start, int end, List<Atom> output)
    {
        output.Clear();
        int i = start;
        bool spaceBefore = true;
        while (i < end)
        {
            char c = text[i];
            if (IsSpace(c))
            {
                spaceBefore = true;
                i++;
                continue;
            }

            int j = i + 1;
            var kind = KindOf(c);
            if (char.IsHighSurrogate(c) && j < end && char.IsLowSurrogate(text[j]))
            {
                j++;
                kind = Kind.Other;
            }
            else if (kind != Kind.Other)
            {
                while (j < end && j - i < MaxRun && KindOf(text[j]) == kind)
                {
                    j++;
                }
            }

            output.Add(new Atom(i, j, kind, spaceBefore));
            spaceBefore = false;
            i = j;
        }
    }
}

internal readonly record struct Atom(int Start, int End, Atoms.Kind Kind, bool SpaceBefore)
{
    public int Length => End - Start;
}
