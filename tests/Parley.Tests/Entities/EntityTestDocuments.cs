using Parley.Documents;
using Parley.Entities;
using Parley.Nlp;

namespace Parley.Tests.Entities;

/// <summary>Builds small documents by hand: text, rule tokens and sentences, and name mentions placed where a test says.</summary>
internal static class EntityTestDocuments
{
    public static NewsDocument Segmented(string text)
    {
        var doc = Parley.Intake.PlainTextIntake.ReadText(text, new DocumentMetadata());
        new RuleSegmenter().Process(doc);
        return doc;
    }

    /// <summary>The document with a name mention of each (surface, type) pair at every place the surface occurs as whole words.</summary>
    public static NewsDocument WithNames(string text, params (string Surface, string Type)[] names)
    {
        var doc = Segmented(text);
        foreach (var (surface, type) in names)
        {
            for (int at = doc.Text.IndexOf(surface, StringComparison.Ordinal); at >= 0; at = doc.Text.IndexOf(surface, at + 1, StringComparison.Ordinal))
            {
                bool startOk = at == 0 || !char.IsLetter(doc.Text[at - 1]);
                int end = at + surface.Length;
                bool endOk = end >= doc.Text.Length || !char.IsLetter(doc.Text[end]);
                bool free = doc.Mentions.All(m => m.Start >= end || at >= m.Start + m.Length);
                if (startOk && endOk && free)
                {
                    doc.Mentions.Add(new Mention { Start = at, Length = surface.Length, Type = type, Kind = MentionKind.Name });
                }
            }
        }

        return doc;
    }

    /// <summary>Adds rule mentions and links everything, as the pipeline does after the recogniser.</summary>
    public static NewsDocument Link(NewsDocument doc, IWorldKnowledge? knowledge = null, ActorDictionary? dictionary = null)
    {
        knowledge ??= new TableKnowledge();
        EntityRecognizer.AddRuleMentions(doc, knowledge);
        new EntityLinker(knowledge, dictionary).Process(doc);
        return doc;
    }

    public static Entity EntityNamed(NewsDocument doc, string name) => doc.Entities.Single(e => e.Name == name);

    public static IEnumerable<string> MentionTexts(NewsDocument doc, Entity e) => e.Mentions.Select(i => doc[doc.Mentions[i].Span]);
}

/// <summary>
/// A hand-written stand-in for the world gazetteer: a few countries, nationalities and places, and context rules for
/// "Washington" and "Moscow" (government when the next word is a verb of stating or wanting). Enough to test linking.
/// </summary>
internal sealed class TableKnowledge : IWorldKnowledge
{
    private static readonly Dictionary<string, string> Countries = new(StringComparer.Ordinal)
    {
        ["Russia"] = "RUS", ["U.S."] = "USA", ["US"] = "USA", ["USA"] = "USA", ["United States"] = "USA", ["Iran"] = "IRN", ["Georgia"] = "GEO",
    };

    private static readonly Dictionary<string, string> Nationalities = new(StringComparer.Ordinal)
    {
        ["Russian"] = "RUS", ["American"] = "USA", ["Iranian"] = "IRN",
    };

    private static readonly HashSet<string> GovernmentVerbs = new(StringComparer.Ordinal) { "said", "says", "hopes", "wants", "addresses", "insists" };

    public IReadOnlyList<KnownName> Find(NewsDocument document)
    {
        var result = new List<KnownName>();
        for (int i = 0; i < document.Tokens.Count; i++)
        {
            var token = document.Token(i);
            string w = token.Form;
            string next = i + 1 < document.Tokens.Count ? document.Token(i + 1).Form : "";
            var span = token.Span;
            if (w is "Washington" or "Moscow")
            {
                bool government = GovernmentVerbs.Contains(next) || next is "'s";
                string country = w == "Washington" ? "USA" : "RUS";
                result.Add(government
                    ? new KnownName(span.Start, span.Length, w, KnownKind.Government, country, country + "GOV", "GOV", "test")
                    : new KnownName(span.Start, span.Length, w, KnownKind.City, country, country, null, "test"));
            }
            else if (Countries.TryGetValue(w, out var c))
            {
                string canonical = c switch { "USA" => "United States", "RUS" => "Russia", "IRN" => "Iran", _ => w };
                result.Add(new KnownName(span.Start, span.Length, canonical, KnownKind.Country, c, c, null, "test"));
            }
            else if (Nationalities.TryGetValue(w, out var n))
            {
                result.Add(new KnownName(span.Start, span.Length, w, KnownKind.Nationality, n, n, null, "test"));
            }
        }

        return result;
    }

    public string? CountryOfWord(string word) => Countries.GetValueOrDefault(word) ?? Nationalities.GetValueOrDefault(word);
}
