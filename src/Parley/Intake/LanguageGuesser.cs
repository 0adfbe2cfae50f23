using Parley.Intake.Text;

namespace Parley.Intake;

/// <summary>
/// A small language guess for metadata: the writing system first, then the share of each language's
/// commonest words. Enough to tell an English report from a Russian or German one; no model needed.
/// </summary>
public static class LanguageGuesser
{
    private static readonly (string Code, HashSet<string> Words)[] LatinLanguages =
    [
        ("en", Set("the of and to in a is that for on was with as by said it from at he his be are has have an")),
        ("de", Set("der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an wurde sagte")),
        ("fr", Set("le la les de des et en un une du dans est que pour qui par sur au a pas ne il se plus avec")),
        ("es", Set("el la de que y en los del las un por con una para es se al lo como más pero sus le ha")),
        ("it", Set("il di che e la in un per è una del della non con sono da si le al ha dei gli nel")),
        ("pt", Set("o de que e do da em um para com não uma os no se na por mais as dos como foi ao")),
        ("nl", Set("de het een van en in is dat op te zijn voor met die niet aan er om ook als door werd")),
    ];

    public static string? Guess(ReadOnlySpan<char> text)
    {
        var sample = text.Length > 20000 ? text[..20000] : text;
        switch (Scripts.Dominant(sample))
        {
            case Script.Cyrillic:
                return sample.IndexOfAny("іїєґ") >= 0 ? "uk" : "ru";
            case Script.Greek:
                return "el";
            case Script.Arabic:
                return "ar";
            case Script.Hebrew:
                return "he";
            case Script.Cjk:
                return sample.IndexOfAnyInRange('\uAC00', '\uD7AF') >= 0 ? "ko" : sample.IndexOfAnyInRange('\u3040', '\u30FF') >= 0 ? "ja" : "zh";
            case Script.Latin:
                return GuessLatin(sample);
            default:
                return null;
        }
    }

    private static string? GuessLatin(ReadOnlySpan<char> text)
    {
        Span<int> scores = stackalloc int[LatinLanguages.Length];
        int words = 0;
        foreach (var range in text.SplitAny(" \n\t.,;:!?\"()«»“”"))
        {
            var word = text[range];
            if (word.IsEmpty)
            {
                continue;
            }

            words++;
            string lower = word.ToString().ToLowerInvariant();
            for (int i = 0; i < LatinLanguages.Length; i++)
            {
                if (LatinLanguages[i].Words.Contains(lower))
                {
                    scores[i]++;
                }
            }
        }

        int best = 0;
        for (int i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best])
            {
                best = i;
            }
        }

        return words > 0 && scores[best] >= Math.Max(1, words / 20) ? LatinLanguages[best].Code : null;
    }

    private static HashSet<string> Set(string words) => new(words.Split(' '), StringComparer.Ordinal);
}
