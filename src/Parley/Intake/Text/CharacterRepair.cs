using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Parley.Documents;

namespace Parley.Intake.Text;

/// <summary>
/// Character-level repairs of scraped and machine-translated text: line ends, control and invisible
/// characters, HTML entities left in plain text, UTF-8 read as Windows-1252 ("â€œ"), and quote marks
/// mangled by translation or escaping (<c>\restart\</c>, <c>\"</c>, <c>''</c>).
/// Every change of visible text is reported as a flag holding the original.
/// </summary>
internal static partial class CharacterRepair
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>Windows-1252 character -> byte, for the upper half; bytes 1252 leaves undefined map to U+0080..U+009F as many decoders do.</summary>
    private static readonly Dictionary<char, byte> Cp1252Bytes = BuildCp1252Table();

    private static Dictionary<char, byte> BuildCp1252Table()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var decoder = Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, new DecoderReplacementFallback("\uFFFF"));
        var table = new Dictionary<char, byte>();
        for (int b = 0x80; b <= 0xFF; b++)
        {
            string s = decoder.GetString([(byte)b]);
            table[s.Length == 1 && s[0] != '\uFFFF' ? s[0] : (char)b] = (byte)b;
        }

        return table;
    }

    public static TrackedText Apply(TrackedText text, List<PendingFlag> flags)
    {
        // Mojibake first: the undefined Windows-1252 bytes it leaves look like control characters.
        text = Mojibake(text, flags);
        text = Invisible(text, flags);
        text = Entities(text, flags);
        text = QuoteArtefacts(text, flags);
        return text;
    }

    /// <summary>Line ends to \n; odd spaces to ' '; zero-width and control characters removed (flagged).</summary>
    internal static TrackedText Invisible(TrackedText text, List<PendingFlag> flags)
    {
        var edits = new List<TextEdit>();
        string s = text.Text;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '\r':
                    edits.Add(i + 1 < s.Length && s[i + 1] == '\n' ? new TextEdit(i, 1, "") : new TextEdit(i, 1, "\n"));
                    break;
                case '\t' or '\u00A0' or '\u1680' or (>= '\u2000' and <= '\u200A') or '\u202F' or '\u205F' or '\u3000' or '\u2028' or '\u2029' or '\v' or '\f':
                    edits.Add(new TextEdit(i, 1, c is '\u2028' or '\u2029' or '\v' or '\f' ? "\n" : " "));
                    break;
                case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD':
                    edits.Add(new TextEdit(i, 1, ""));
                    break;
                case '\uFFFD':
                    flags.Add(new PendingFlag(QualityFlagKinds.ReplacementCharacter, text.OriginAt(i), 1, "\uFFFD",
                        "a character was lost before Parley saw the text (U+FFFD)"));
                    break;
                default:
                    if (char.IsControl(c) && c != '\n')
                    {
                        int j = i;
                        while (j < s.Length && char.IsControl(s[j]) && s[j] is not ('\n' or '\r' or '\t'))
                        {
                            j++;
                        }

                        edits.Add(new TextEdit(i, j - i, ""));
                        flags.Add(new PendingFlag(QualityFlagKinds.ControlCharacters, text.OriginAt(i), j - i, s[i..j],
                            $"removed {j - i} control character(s)"));
                        i = j - 1;
                    }

                    break;
            }
        }

        return text.Apply(edits);
    }

    /// <summary>UTF-8 bytes that were decoded as Windows-1252 ("â€œ" for “, "Ã©" for é) are decoded again.</summary>
    internal static TrackedText Mojibake(TrackedText text, List<PendingFlag> flags)
    {
        var edits = new List<TextEdit>();
        foreach (Match m in MojibakeRun().Matches(text.Text))
        {
            string? fixedText = Redecode(m.Value);
            if (fixedText is null)
            {
                continue;
            }

            if (fixedText.Length < m.Value.Length)
            {
                edits.Add(new TextEdit(m.Index, m.Length, fixedText));
                flags.Add(new PendingFlag(QualityFlagKinds.Mojibake, text.OriginAt(m.Index), m.Length, m.Value,
                    $"UTF-8 read as Windows-1252, restored as \"{fixedText}\""));
            }
        }

        return text.Apply(edits);
    }

    private static string? Redecode(string run)
    {
        var bytes = new byte[run.Length];
        for (int i = 0; i < run.Length; i++)
        {
            if (!Cp1252Bytes.TryGetValue(run[i], out bytes[i]))
            {
                return null;
            }
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // "â€" whose third byte was lost (0x9D is undefined in Windows-1252) was a closing quote.
            return run == "\u00E2\u20AC" ? "\u201D" : null;
        }
    }

    /// <summary>HTML character references left in plain text (&amp;quot;, &amp;#8220;, &amp;laquo;).</summary>
    internal static TrackedText Entities(TrackedText text, List<PendingFlag> flags)
    {
        var edits = new List<TextEdit>();
        foreach (Match m in EntityReference().Matches(text.Text))
        {
            string decoded = WebUtility.HtmlDecode(m.Value);
            if (decoded != m.Value)
            {
                edits.Add(new TextEdit(m.Index, m.Length, decoded == "\u00A0" ? " " : decoded));
                flags.Add(new PendingFlag(QualityFlagKinds.HtmlEntity, text.OriginAt(m.Index), m.Length, m.Value,
                    "HTML character reference decoded"));
            }
        }

        return text.Apply(edits);
    }

    /// <summary>
    /// Quote marks broken on the way: a word or short phrase between backslashes (<c>\restart\</c>, how
    /// one translation service renders «...»), backslash-escaped quotes, and doubled apostrophes or quotes.
    /// </summary>
    internal static TrackedText QuoteArtefacts(TrackedText text, List<PendingFlag> flags)
    {
        var edits = new List<TextEdit>();
        foreach (Match m in QuoteArtefact().Matches(text.Text))
        {
            string replacement = m.Groups["inner"].Success ? "\"" + m.Groups["inner"].Value + "\"" : "\"";
            edits.Add(new TextEdit(m.Index, m.Length, replacement));
            flags.Add(new PendingFlag(QualityFlagKinds.QuoteArtefact, text.OriginAt(m.Index), m.Length, m.Value,
                $"quote marks restored: {m.Value} -> {replacement}"));
        }

        return text.Apply(edits);
    }

    // A lead byte of a UTF-8 sequence (as a Windows-1252 character) followed by continuation bytes.
    [GeneratedRegex("\u00E2\u20AC(?![\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018\u2019\u201A\u201C\u201D\u201E\u2020\u2021\u2022\u2026\u2030\u2039\u203A\u20AC\u2122])|[\u00C2-\u00F4][\u0080-\u00BF\u20AC\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u017D\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u017E\u0178]{1,3}")]
    private static partial Regex MojibakeRun();

    [GeneratedRegex(@"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,9});")]
    private static partial Regex EntityReference();

    // \word\ or \two words\ at word boundaries (not paths: the opening backslash follows a space, start or
    // bracket, the closing one is followed by a space, punctuation or the end); \" and \'; '' and "" doubled.
    [GeneratedRegex(@"(?<=^|[\s(\[{—–-])\\(?<inner>[^\s\\""][^\\\n""]{0,60}?(?<=\S))\\(?=$|[\s.,;:!?)\]}—–-])|\\""|''(?=\S)|(?<=\S)''|(?<![\w""])""""(?=\w)|(?<=\w)""""(?![\w""])", RegexOptions.Multiline)]
    private static partial Regex QuoteArtefact();
}
