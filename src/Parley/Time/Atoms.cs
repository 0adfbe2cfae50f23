using Parley.Documents;

namespace Parley.Time;

internal enum AtomKind : byte
{
    Word,
    Number,
    Punct,

    /// <summary>A URL, e-mail address, path or code: never part of a temporal expression.</summary>
    Opaque,
}

/// <summary>
/// The unit the recogniser reads: a token, or a piece of one split at a hyphen, slash, colon or letter/digit
/// change ("eight-year" → eight, -, year; "6pm" → 6, pm), so that rules do not depend on how a tokenizer treats
/// hyphenated words. <see cref="Glued"/> says there was no space before it.
/// </summary>
internal readonly struct Atom
{
    public Atom(int start, int end, AtomKind kind, bool glued, Word word, long number, int digits, int sentenceToken)
    {
        Start = start;
        End = end;
        Kind = kind;
        Glued = glued;
        Word = word;
        Number = number;
        Digits = digits;
        Token = sentenceToken;
    }

    public int Start { get; }

    public int End { get; }

    public AtomKind Kind { get; }

    public bool Glued { get; }

    public Word Word { get; }

    /// <summary>Value of a digit run (-1 when too long to matter).</summary>
    public long Number { get; }

    /// <summary>Number of digits of a digit run ("09" has 2).</summary>
    public int Digits { get; }

    /// <summary>Index of the document token the atom comes from.</summary>
    public int Token { get; }

    public WordClass Class => Word.Class;
}

/// <summary>Cuts a sentence's tokens into atoms.</summary>
internal static class AtomSplitter
{
    public static List<Atom> Split(string text, ReadOnlySpan<TokenData> tokens, int firstToken, List<Atom> output)
    {
        output.Clear();
        int previousEnd = -1;
        for (int t = 0; t < tokens.Length; t++)
        {
            int start = tokens[t].Start, end = start + tokens[t].Length;
            bool glued = previousEnd == start;
            previousEnd = end;
            var span = text.AsSpan(start, end - start);
            if (IsOpaque(span))
            {
                output.Add(new Atom(start, end, AtomKind.Opaque, glued, default, -1, 0, firstToken + t));
                continue;
            }

            int i = start;
            while (i < end)
            {
                char c = text[i];
                int j = i + 1;
                AtomKind kind;
                if (char.IsAsciiDigit(c))
                {
                    while (j < end && char.IsAsciiDigit(text[j]))
                    {
                        j++;
                    }

                    // Ordinal and plural suffixes stay on the number: "5th", "1990s".
                    int k = j;
                    while (k < end && char.IsLetter(text[k]) && k - j < 2)
                    {
                        k++;
                    }

                    if (k > j && (k == end || !char.IsLetter(text[k])) && IsNumberSuffix(text.AsSpan(j, k - j)))
                    {
                        j = k;
                    }

                    kind = AtomKind.Number;
                }
                else if (char.IsLetter(c))
                {
                    // Letters, with inner dots of abbreviations ("a.m.", "p.m.") and apostrophes ("o'clock").
                    while (j < end && (char.IsLetter(text[j]) || (text[j] is '.' or '\'' or '’' && j + 1 < end && char.IsLetter(text[j + 1]))))
                    {
                        j++;
                    }

                    if (j < end && text[j] == '.' && IsAbbreviationWithDot(text.AsSpan(i, j - i + 1)))
                    {
                        j++;
                    }

                    kind = AtomKind.Word;
                }
                else
                {
                    kind = AtomKind.Punct;
                }

                var piece = text.AsSpan(i, j - i);
                long number = -1;
                int digits = 0;
                if (kind == AtomKind.Number)
                {
                    int d = 0;
                    while (d < piece.Length && char.IsAsciiDigit(piece[d]))
                    {
                        d++;
                    }

                    digits = d;
                    if (d <= 9)
                    {
                        number = long.Parse(piece[..d], System.Globalization.CultureInfo.InvariantCulture);
                    }
                }

                var word = kind == AtomKind.Word ? TimeLexicon.Get(piece) : default;
                output.Add(new Atom(i, j, kind, glued || i > start, word, number, digits, firstToken + t));
                i = j;
            }
        }

        return output;
    }

    private static bool IsNumberSuffix(ReadOnlySpan<char> s) =>
        s.Equals("st", StringComparison.OrdinalIgnoreCase) || s.Equals("nd", StringComparison.OrdinalIgnoreCase)
        || s.Equals("rd", StringComparison.OrdinalIgnoreCase) || s.Equals("th", StringComparison.OrdinalIgnoreCase)
        || s.Equals("s", StringComparison.Ordinal);

    private static bool IsAbbreviationWithDot(ReadOnlySpan<char> s)
    {
        var w = TimeLexicon.Get(s);
        return w.Class is WordClass.MonthAbbreviation or WordClass.Meridiem;
    }

    /// <summary>URLs, e-mail addresses, paths, hashtags and codes mixing letters and digits are never dates ("A380", "2882015x").</summary>
    private static bool IsOpaque(ReadOnlySpan<char> token)
    {
        if (token.Contains("://", StringComparison.Ordinal) || token.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
            || token.Contains('@') || token.Contains('\\') || token.Contains('_') || token.Contains('#') || token.Contains('='))
        {
            return true;
        }

        int slashes = token.Count('/');
        if (slashes > 2 || (slashes > 0 && ContainsLetter(token)))
        {
            return true;
        }

        // A dotted name such as "example.com" or "v2.1.3".
        int dots = token.Count('.');
        if (dots >= 2 && !IsDottedDate(token) && ContainsDigit(token) && ContainsLetter(token))
        {
            return true;
        }

        return token.Length > 40;
    }

    private static bool IsDottedDate(ReadOnlySpan<char> token)
    {
        foreach (char c in token)
        {
            if (!(char.IsAsciiDigit(c) || c == '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ContainsLetter(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsDigit(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (char.IsAsciiDigit(c))
            {
                return true;
            }
        }

        return false;
    }
}
