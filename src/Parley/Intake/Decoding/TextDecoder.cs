using System.Text;

namespace Parley.Intake.Decoding;

/// <summary>The decoded text and the encoding it was decoded from.</summary>
public readonly record struct DecodedText(string Text, string Encoding);

/// <summary>
/// Decodes bytes of unknown encoding: byte-order marks first, then strict UTF-8, then statistical
/// detection. Cyrillic single-byte encodings, which detectors confuse, are settled by letter statistics.
/// Binary data is refused with a clear error rather than decoded into noise.
/// </summary>
public static class TextDecoder
{
    static TextDecoder()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly string[] CyrillicCandidates = ["windows-1251", "koi8-r", "ibm866", "iso-8859-5", "x-mac-cyrillic"];

    internal static bool HasOnlyBom(ReadOnlySpan<byte> bytes) =>
        bytes.SequenceEqual((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ||
        bytes.SequenceEqual((ReadOnlySpan<byte>)[0xFF, 0xFE]) ||
        bytes.SequenceEqual((ReadOnlySpan<byte>)[0xFE, 0xFF]);

    public static DecodedText Decode(byte[] bytes, string id, string? declaredCharset = null)
    {
        if (TryBom(bytes, out var bomText))
        {
            return bomText;
        }

        if (LooksLikeUtf16(bytes, out bool bigEndian))
        {
            var enc = bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode;
            return new DecodedText(enc.GetString(bytes), enc.WebName);
        }

        RejectBinary(bytes, id);

        if (IsValidUtf8(bytes))
        {
            return new DecodedText(Encoding.UTF8.GetString(bytes), "utf-8");
        }

        if (declaredCharset is not null && TryGetEncoding(declaredCharset) is { } declared && declared is not UTF8Encoding)
        {
            return new DecodedText(declared.GetString(bytes), declared.WebName);
        }

        var detected = UtfUnknown.CharsetDetector.DetectFromBytes(bytes).Detected;
        string? name = detected?.EncodingName?.ToLowerInvariant();
        Encoding? encoding = detected?.Encoding ?? (name is null ? null : TryGetEncoding(name));
        if (encoding is null || encoding is UTF8Encoding)
        {
            // Invalid UTF-8 that no detector recognises: fall back to the most common single-byte
            // Western encoding only when the bytes are mostly ASCII, otherwise say we cannot tell.
            if (AsciiShare(bytes) >= 0.9)
            {
                var fallback = Encoding.GetEncoding("windows-1252");
                return new DecodedText(fallback.GetString(bytes), fallback.WebName);
            }

            throw new ParleyException(ErrorCode.UndecodableText,
                $"{id}: not valid UTF-8 and no known encoding fits; convert it to UTF-8 first (e.g. iconv -f CHARSET -t UTF-8)");
        }

        if (IsCyrillic(encoding.WebName) || LooksCyrillicHighBytes(bytes))
        {
            encoding = BestCyrillic(bytes) ?? encoding;
        }

        return new DecodedText(encoding.GetString(bytes), encoding.WebName);
    }

    public static Encoding? TryGetEncoding(string name)
    {
        try
        {
            return Encoding.GetEncoding(name.Trim().Trim('"', '\'').ToLowerInvariant() switch
            {
                "win-1251" or "cp1251" => "windows-1251",
                "koi8r" => "koi8-r",
                var n => n,
            });
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool TryBom(byte[] b, out DecodedText text)
    {
        text = default;
        if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0)
        {
            text = new DecodedText(Encoding.UTF32.GetString(b, 4, b.Length - 4), "utf-32");
        }
        else if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        {
            text = new DecodedText(Encoding.UTF8.GetString(b, 3, b.Length - 3), "utf-8");
        }
        else if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE)
        {
            text = new DecodedText(Encoding.Unicode.GetString(b, 2, b.Length - 2), "utf-16");
        }
        else if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF)
        {
            text = new DecodedText(Encoding.BigEndianUnicode.GetString(b, 2, b.Length - 2), "utf-16be");
        }
        else
        {
            return false;
        }

        return true;
    }

    /// <summary>UTF-16 without a BOM: ASCII text leaves a zero in every other byte.</summary>
    private static bool LooksLikeUtf16(byte[] b, out bool bigEndian)
    {
        bigEndian = false;
        int n = Math.Min(b.Length, 4096) & ~1;
        if (n < 4)
        {
            return false;
        }

        int evenZeros = 0, oddZeros = 0;
        for (int i = 0; i < n; i += 2)
        {
            if (b[i] == 0)
            {
                evenZeros++;
            }

            if (b[i + 1] == 0)
            {
                oddZeros++;
            }
        }

        int pairs = n / 2;
        if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05)
        {
            return true;
        }

        if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05)
        {
            bigEndian = true;
            return true;
        }

        return false;
    }

    private static void RejectBinary(byte[] b, string id)
    {
        ReadOnlySpan<byte> s = b;
        string? kind = s switch
        {
            _ when s.StartsWith("%PDF"u8) => "a PDF file",
            _ when s.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) => "a PNG image",
            _ when s.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) => "a JPEG image",
            _ when s.StartsWith("GIF8"u8) => "a GIF image",
            _ when s.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]) => "a ZIP archive (or a .docx/.xlsx/.epub file)",
            _ when s.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46]) => "an executable (ELF)",
            _ when s.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]) => "an old Microsoft Office file",
            _ => null,
        };
        if (kind is not null)
        {
            throw new ParleyException(ErrorCode.BinaryInput, $"{id} looks like {kind}; give Parley the article as text or HTML");
        }

        int n = Math.Min(b.Length, 65536);
        int control = 0;
        for (int i = 0; i < n; i++)
        {
            byte c = b[i];
            if (c == 0)
            {
                throw new ParleyException(ErrorCode.BinaryInput, $"{id} contains NUL bytes (first at byte {i}); give Parley the article as text or HTML");
            }

            if (c < 0x20 && c is not (0x09 or 0x0A or 0x0D or 0x0C or 0x1B))
            {
                control++;
            }
        }

        if (control > n * 0.05)
        {
            throw new ParleyException(ErrorCode.BinaryInput, $"{id}: {control} control bytes in the first {n}; give Parley the article as text or HTML");
        }
    }

    private static bool IsValidUtf8(byte[] bytes)
    {
        try
        {
            StrictUtf8.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static double AsciiShare(byte[] b)
    {
        int ascii = 0;
        foreach (byte c in b)
        {
            if (c < 0x80)
            {
                ascii++;
            }
        }

        return b.Length == 0 ? 1 : (double)ascii / b.Length;
    }

    private static bool IsCyrillic(string webName) => Array.IndexOf(CyrillicCandidates, webName) >= 0;

    /// <summary>Many bytes in the range single-byte Cyrillic encodings use for letters.</summary>
    private static bool LooksCyrillicHighBytes(byte[] b)
    {
        int high = 0;
        foreach (byte c in b)
        {
            if (c >= 0xC0)
            {
                high++;
            }
        }

        return high > b.Length * 0.3;
    }

    /// <summary>
    /// Decodes with each Cyrillic encoding and keeps the one whose text reads most like Russian:
    /// mostly lower-case letters, and the most frequent letters where Russian has them.
    /// </summary>
    private static Encoding? BestCyrillic(byte[] bytes)
    {
        const string Frequent = "оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё";
        Encoding? best = null;
        double bestScore = double.MinValue;
        int n = Math.Min(bytes.Length, 65536);
        foreach (var name in CyrillicCandidates)
        {
            var enc = Encoding.GetEncoding(name);
            string text = enc.GetString(bytes, 0, n);
            double score = 0;
            int letters = 0;
            foreach (char c in text)
            {
                if (c is >= '\u0400' and <= '\u04FF')
                {
                    letters++;
                    char lower = char.ToLowerInvariant(c);
                    int rank = Frequent.IndexOf(lower);
                    score += rank < 0 ? -1 : (Frequent.Length - rank) / (double)Frequent.Length;
                    if (c != lower)
                    {
                        score -= 0.5;
                    }
                }
                else if (c > '\u007F' && !char.IsWhiteSpace(c) && !char.IsPunctuation(c))
                {
                    score -= 1.5;
                }
            }

            if (letters == 0)
            {
                continue;
            }

            if (score > bestScore)
            {
                bestScore = score;
                best = enc;
            }
        }

        return best;
    }
}
