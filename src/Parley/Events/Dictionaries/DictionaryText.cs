namespace Parley.Events.Dictionaries;

/// <summary>
/// Reads the line structure shared by PETRARCH-style dictionary files: '#' and ';' comments, XML comments
/// that may span lines, and blank lines (which end verb blocks and synsets, so they are kept as "").
/// </summary>
internal static class DictionaryText
{
    /// <summary>Each line with comments removed and trailing space trimmed; yields (line number, text).</summary>
    public static IEnumerable<(int Number, string Text)> Lines(TextReader reader)
    {
        bool inComment = false;
        int number = 0;
        string? raw;
        while ((raw = reader.ReadLine()) is not null)
        {
            number++;
            var line = raw;
            if (inComment)
            {
                int end = line.IndexOf("-->", StringComparison.Ordinal);
                if (end < 0)
                {
                    continue;
                }

                line = line[(end + 3)..];
                inComment = false;
            }

            while (true)
            {
                int start = line.IndexOf("<!", StringComparison.Ordinal);
                if (start < 0)
                {
                    break;
                }

                int end = line.IndexOf("-->", start, StringComparison.Ordinal);
                if (end < 0)
                {
                    line = line[..start];
                    inComment = true;
                    break;
                }

                line = line[..start] + line[(end + 3)..];
            }

            int hash = line.IndexOf('#');
            if (hash >= 0)
            {
                line = line[..hash];
            }

            int semicolon = line.IndexOf(';');
            if (semicolon >= 0)
            {
                line = line[..semicolon];
            }

            yield return (number, line.TrimEnd());
        }
    }

    /// <summary>Splits a phrase written with spaces and underscores into upper-case words.</summary>
    public static string[] Words(string phrase) =>
        phrase.Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
              .Select(w => w.ToUpperInvariant()).ToArray();

    /// <summary>The regular English plural of an upper-case noun, as PETRARCH forms it.</summary>
    public static string Plural(string word)
    {
        if (word.EndsWith('Y') && word.Length > 1 && !"AEIOU".Contains(word[^2]))
        {
            return word[..^1] + "IES";
        }

        return word.EndsWith("SS", StringComparison.Ordinal) || word.EndsWith("SH", StringComparison.Ordinal)
            || word.EndsWith("CH", StringComparison.Ordinal) || word.EndsWith('X')
            ? word + "ES"
            : word + "S";
    }

    /// <summary>The regular forms of an upper-case English verb: base, third person, past, participle.</summary>
    public static IEnumerable<string> VerbForms(string verb)
    {
        yield return verb;
        if (verb.Length < 2)
        {
            yield break;
        }

        char last = verb[^1];
        bool consonantY = last == 'Y' && !"AEIOU".Contains(verb[^2]);
        yield return consonantY ? verb[..^1] + "IES"
            : verb.EndsWith("SS", StringComparison.Ordinal) || verb.EndsWith("SH", StringComparison.Ordinal) || verb.EndsWith("CH", StringComparison.Ordinal) || last is 'X' or 'Z' or 'O'
                ? verb + "ES" : verb + "S";
        if (consonantY)
        {
            yield return verb[..^1] + "IED";
            yield return verb + "ING";
        }
        else if (last == 'E')
        {
            yield return verb + "D";
            yield return verb.EndsWith("EE", StringComparison.Ordinal) ? verb + "ING" : verb[..^1] + "ING";
        }
        else
        {
            yield return verb + "ED";
            yield return verb + "ING";
            // Doubled final consonant after a single short vowel ("ban" -> "banned", "stop" -> "stopped").
            if (verb.Length >= 3 && "BDGMNPT".Contains(last) && "AEIOU".Contains(verb[^2]) && !"AEIOU".Contains(verb[^3]))
            {
                yield return verb + last + "ED";
                yield return verb + last + "ING";
            }
        }
    }
}
