using Parley.Documents;

namespace Parley.Entities;

/// <summary>What a known name stands for.</summary>
public enum KnownKind
{
    Country,
    City,
    Region,
    Area,
    Organisation,

    /// <summary>A nationality adjective or noun ("Russian", "Americans").</summary>
    Nationality,

    /// <summary>A place standing for a government ("Washington said", "the Kremlin", "Moscow addresses").</summary>
    Government,
}

/// <summary>
/// A stretch of a document that world knowledge recognises, already disambiguated in context ("Georgia" the country
/// or the US state; "Washington" the city or the US government).
/// </summary>
public sealed record KnownName(int Start, int Length, string Canonical, KnownKind Kind, string? Country, string? Code, string? Sector, string? Evidence)
{
    public int End => Start + Length;
}

/// <summary>
/// The world knowledge that entity linking and actor resolution read: countries with their codes and demonyms,
/// cities, regions, international organisations and government metonyms. The built-in world gazetteer provides it.
/// </summary>
public interface IWorldKnowledge
{
    /// <summary>Every known name in the document, resolved in context, in text order, not overlapping.</summary>
    IReadOnlyList<KnownName> Find(NewsDocument document);

    /// <summary>The country (ISO 3166-1 alpha-3) a single word names or qualifies: "Russian" → RUS, "U.S." → USA; null when none.</summary>
    string? CountryOfWord(string word);
}

/// <summary>Knows nothing: linking still groups mentions and reads roles, but finds no countries.</summary>
public sealed class NoWorldKnowledge : IWorldKnowledge
{
    public static readonly NoWorldKnowledge Instance = new();

    public IReadOnlyList<KnownName> Find(NewsDocument document) => [];

    public string? CountryOfWord(string word) => null;
}
