using Parley.Documents;

namespace Parley.Entities;

/// <summary>
/// A description of a person by office found in the text: "the Russian foreign Minister", "U.S. Secretary of state",
/// "the head of the Russian foreign Ministry". Token indices are document-wide; [Start, End) are characters.
/// </summary>
public sealed record RolePhrase(int FirstToken, int EndToken, int Start, int End, string Role, string? Country, bool Definite);

/// <summary>Finds role phrases with rules over tokens (no parse needed): [determiner] [country or modifiers] office [of ...].</summary>
public static class RolePhrases
{
    // Not "that": before an office it is usually a conjunction ("hope that U.S. Secretary of state agrees").
    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase) { "the", "a", "an", "this" };

    public static List<RolePhrase> Find(NewsDocument document, IWorldKnowledge knowledge, IReadOnlyList<KnownName> known)
    {
        var result = new List<RolePhrase>();
        var countryAt = CountrySpans(document, knowledge, known);
        foreach (var sentence in document.Sentences)
        {
            int end = sentence.EndToken;
            for (int i = sentence.FirstToken; i < end;)
            {
                var phrase = MatchAt(document, i, end, countryAt);
                if (phrase is null)
                {
                    i++;
                    continue;
                }

                result.Add(phrase);
                i = phrase.EndToken;
            }
        }

        return result;
    }

    /// <summary>For each token that begins a country or nationality expression, its end token and country code.</summary>
    private static Dictionary<int, (int End, string Country)> CountrySpans(NewsDocument document, IWorldKnowledge knowledge, IReadOnlyList<KnownName> known)
    {
        var map = new Dictionary<int, (int, string)>();
        foreach (var k in known)
        {
            if (k.Country is null || k.Kind is not (KnownKind.Country or KnownKind.Nationality or KnownKind.Government))
            {
                continue;
            }

            var range = document.Tokens.Within(new TextSpan(k.Start, k.Length));
            if (range.End.Value > range.Start.Value)
            {
                map[range.Start.Value] = (range.End.Value, k.Country);
            }
        }

        for (int i = 0; i < document.Tokens.Count; i++)
        {
            if (!map.ContainsKey(i) && knowledge.CountryOfWord(document.Token(i).Form) is { } country)
            {
                map[i] = (i + 1, country);
            }
        }

        return map;
    }

    private static RolePhrase? MatchAt(NewsDocument d, int i, int end, Dictionary<int, (int End, string Country)> countryAt)
    {
        int j = i;
        bool definite = false;
        if (Determiners.Contains(Word(d, j)))
        {
            definite = true;
            j++;
        }

        string? country = null;
        var words = new List<string>();
        while (j < end)
        {
            if (country is null && countryAt.TryGetValue(j, out var c))
            {
                country = c.Country;
                j = c.End;
                continue;
            }

            string w = Word(d, j);
            if (Roles.Modifiers.Contains(w) && j + 1 < end)
            {
                words.Add(w);
                j++;
                continue;
            }

            break;
        }

        if (j >= end || !Roles.Heads.ContainsKey(Word(d, j)))
        {
            return null;
        }

        string head = Word(d, j);
        words.Add(head);
        j++;

        // "of state", "of the Russian foreign Ministry", "of Russia".
        if (j + 1 < end && Word(d, j).Equals("of", StringComparison.OrdinalIgnoreCase))
        {
            int k = j + 1;
            if (Word(d, k).Equals("the", StringComparison.OrdinalIgnoreCase))
            {
                k++;
            }

            string? ofCountry = null;
            if (k < end && countryAt.TryGetValue(k, out var c2))
            {
                ofCountry = c2.Country;
                k = c2.End;
            }

            var body = new List<string>();
            while (k < end && Roles.Modifiers.Contains(Word(d, k)) && k + 1 < end && !Roles.Bodies.ContainsKey(Word(d, k)))
            {
                body.Add(Word(d, k));
                k++;
            }

            if (head.Equals("secretary", StringComparison.OrdinalIgnoreCase) && ofCountry is null && body.Count == 0
                && k < end && Word(d, k) is var field && (field.Equals("state", StringComparison.OrdinalIgnoreCase) || Roles.Bodies.ContainsKey(field) || Roles.Modifiers.Contains(field)))
            {
                words.Add("of");
                words.Add(field);
                j = k + 1;
            }
            else if (k < end && Roles.Bodies.ContainsKey(Word(d, k)))
            {
                words.Add("of");
                words.AddRange(body);
                words.Add(Word(d, k));
                country ??= ofCountry;
                j = k + 1;
            }
            else if (ofCountry is not null && body.Count == 0)
            {
                country ??= ofCountry;
                j = k;
            }
        }

        // "head" and "leader" alone say too little ("the head of the queue"); they need an "of" body.
        if (words.Count == 1 && head.ToLowerInvariant() is "head" or "leader" or "official" or "general")
        {
            return null;
        }

        var tokens = d.Tokens;
        int start = tokens[i].Start, stop = tokens[j - 1].Start + tokens[j - 1].Length;
        return new RolePhrase(i, j, start, stop, Roles.Normalise(words), country, definite);
    }

    private static string Word(NewsDocument d, int i) => i < d.Tokens.Count ? d.Token(i).Form : "";
}
