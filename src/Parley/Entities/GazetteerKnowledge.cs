using Parley.Documents;
using Parley.Entities.Gazetteer;
using Parley.Entities.Ner;

namespace Parley.Entities;

/// <summary>
/// World knowledge from the built-in <see cref="WorldGazetteer"/>: every gazetteer name in the document, read in
/// context by <see cref="GazetteerDisambiguator"/> ("Georgia" the country or the US state, "Washington" the city or
/// the US government, "Moscow" as the Russian government).
/// </summary>
public sealed class GazetteerKnowledge : IWorldKnowledge
{
    public static readonly GazetteerKnowledge Instance = new(WorldGazetteer.Default);

    private readonly WorldGazetteer _gazetteer;

    public GazetteerKnowledge(WorldGazetteer gazetteer)
    {
        _gazetteer = gazetteer;
    }

    public IReadOnlyList<KnownName> Find(NewsDocument document)
    {
        var matches = _gazetteer.FindAll(document);
        if (matches.Count == 0)
        {
            return [];
        }

        var result = new List<KnownName>(matches.Count);
        foreach (var resolution in GazetteerDisambiguator.ResolveAll(document.Text, matches))
        {
            var entry = resolution.Entry;
            var match = resolution.Match;
            string evidence = resolution.Evidence.Count > 0 ? "gazetteer: " + string.Join("; ", resolution.Evidence) : "gazetteer";
            result.Add(new KnownName(match.Start, match.Length, entry.Name, KindOf(entry.Kind), entry.Country, entry.Cameo, entry.Sector, evidence));
        }

        return result;
    }

    public string? CountryOfWord(string word)
    {
        foreach (var entry in _gazetteer.Lookup(word))
        {
            if (entry.Kind is GazetteerKind.Norp or GazetteerKind.Country && entry.Country is not null)
            {
                return entry.Country;
            }
        }

        return null;
    }

    private static KnownKind KindOf(GazetteerKind kind) => kind switch
    {
        GazetteerKind.Country => KnownKind.Country,
        GazetteerKind.City => KnownKind.City,
        GazetteerKind.Region => KnownKind.Region,
        GazetteerKind.Area => KnownKind.Area,
        GazetteerKind.Norp => KnownKind.Nationality,
        GazetteerKind.GovMetonym => KnownKind.Government,
        _ => KnownKind.Organisation,
    };
}

/// <summary>
/// The gazetteer as recogniser features: every word inside a gazetteer name gets the name's possible kinds
/// (COUNTRY, CITY, IGO, NORP, ...) with its position in the name. The recogniser learns how far to trust each.
/// </summary>
public sealed class GazetteerLexicon : INameLexicon
{
    private readonly WorldGazetteer _gazetteer;

    public GazetteerLexicon(WorldGazetteer gazetteer)
    {
        _gazetteer = gazetteer;
    }

    public string Name => "world-gazetteer/1";

    public void Find(IReadOnlyList<string> words, List<LexiconMatch> matches)
    {
        // The words joined by single spaces, with each word's span, so the gazetteer matches on word boundaries.
        var text = new System.Text.StringBuilder();
        var spans = new TextSpan[words.Count];
        for (int i = 0; i < words.Count; i++)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            spans[i] = new TextSpan(text.Length, words[i].Length);
            text.Append(words[i]);
        }

        string joined = text.ToString();
        foreach (var match in _gazetteer.FindAll(joined, spans))
        {
            int first = Array.FindIndex(spans, s => s.Start == match.Start);
            int last = Array.FindIndex(spans, s => s.End == match.End);
            if (first < 0 || last < first)
            {
                continue;
            }

            var kinds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in match.Candidates)
            {
                if (kinds.Add(entry.TypeLabel))
                {
                    matches.Add(new LexiconMatch(first, last + 1, entry.TypeLabel));
                }
            }
        }
    }
}
