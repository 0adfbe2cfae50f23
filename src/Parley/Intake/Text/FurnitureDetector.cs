using System.Text.RegularExpressions;

namespace Parley.Intake.Text;

/// <summary>
/// Finds the site furniture a scraper leaves at the end of an article: comment forms, "related
/// articles", share and subscribe lines, copyright. It walks back from the end and stops at the first
/// line that reads like article text, so a real paragraph in another language or script is kept.
/// </summary>
internal static partial class FurnitureDetector
{
    private const int MaxWords = 8;
    private const int MaxChars = 80;

    /// <summary>How many paragraphs at the end are furniture (never all of them).</summary>
    public static int TrailingCount(IReadOnlyList<TrackedText> paragraphs)
    {
        if (paragraphs.Count < 2)
        {
            return 0;
        }

        var body = Scripts.Dominant(string.Concat(paragraphs.Select(p => p.Text)));
        int count = 0;
        for (int i = paragraphs.Count - 1; i > 0; i--)
        {
            if (!IsFurniture(paragraphs[i].Text, body))
            {
                break;
            }

            count++;
        }

        return count;
    }

    internal static bool IsFurniture(string line, Script bodyScript)
    {
        if (line.Length > MaxChars * 3)
        {
            return false;
        }

        if (FurniturePhrase().IsMatch(line))
        {
            return true;
        }

        if (line.Length > MaxChars || Scripts.WordCount(line) > MaxWords)
        {
            return false;
        }

        // A short line that ends like a sentence is text, whatever its script.
        char last = line[^1];
        bool sentenceLike = last is '.' or '!' or '?' or '"' or '”' or '»' && Scripts.WordCount(line) >= 4;
        if (sentenceLike)
        {
            return false;
        }

        var script = Scripts.Dominant(line);
        if (script != Script.None && script != bodyScript)
        {
            return true;
        }

        // Form labels ("Name:", "Enter code:") and lone symbols or numbers (page counters, "|", "1 2 3").
        return (last == ':' && Scripts.WordCount(line) <= 4) || script == Script.None;
    }

    [GeneratedRegex(@"^\W*(?:share(?: this)?|tweet|e-?mail(?: this)?|print(?: this)?|comments?|\d+\s+comments?|leave a (?:reply|comment)|add (?:a )?comment|post(?:ed)? (?:a )?comment|related(?: articles| stories| news| content)?|read more|more (?:news|stories)|see also|advertisement|sponsored(?: content)?|subscribe\b.*|sign up\b.*|newsletter|follow us\b.*|tags?\s*:.*|topics?\s*:.*|filed under\b.*|your (?:name|e-?mail|comment)|name|e-?mail address|website|captcha|enter (?:the )?code|submit|send|log ?in|sign in|register|(?:©|\(c\)|copyright\b).*|all rights reserved\.?|back to top|previous|next|похожие (?:статьи|новости|материалы)|читайте (?:также|еще|ещё).*|ваше имя|ваша почта|ваш e-?mail|город(?:, область)?|рассылка комментариев|ввести код|введите код|комментари[йи].*|добавить комментарий|отправить|подписаться.*|поделиться|версия для печати|все права защищены.*)\W*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FurniturePhrase();
}
