namespace Parley.Entities.Gazetteer;

/// <summary>What a gazetteer entry names. <see cref="GazetteerEntry.TypeLabel"/> gives the label used in output.</summary>
public enum GazetteerKind : byte
{
    /// <summary>A sovereign state, dependent territory, partially recognised or former state (COUNTRY).</summary>
    Country,

    /// <summary>A city or town (CITY). Capitals have <see cref="GazetteerEntry.IsCapital"/>.</summary>
    City,

    /// <summary>A first-level subdivision or a named region inside one country: "Georgia" (US-GA), "Chechnya" (REGION).</summary>
    Region,

    /// <summary>A region made of several countries: "Middle East", "Caucasus", "the West" (AREA).</summary>
    Area,

    /// <summary>An intergovernmental organisation: UN, NATO, EU (IGO).</summary>
    Igo,

    /// <summary>A non-governmental organisation: Red Cross, Amnesty International (NGO).</summary>
    Ngo,

    /// <summary>A non-state political or armed group: Hamas, Taliban, al-Qaeda (NSA).</summary>
    NonState,

    /// <summary>A nationality adjective or noun: "Russian", "Americans" (NORP).</summary>
    Norp,

    /// <summary>A place that stands for a government body: "the Kremlin", "Washington" in "Washington said" (GOV-METONYM).</summary>
    GovMetonym,
}

/// <summary>Status of a <see cref="GazetteerKind.Country"/> entry.</summary>
public enum CountryStatus : byte
{
    NotACountry,
    State,
    Territory,
    PartiallyRecognised,
    Historical,
}

/// <summary>
/// One named thing of the world gazetteer. Entries are immutable and shared; compare them by reference or
/// <see cref="Id"/>.
/// </summary>
public sealed class GazetteerEntry
{
    internal GazetteerEntry(int id, GazetteerKind kind, string name)
    {
        Id = id;
        Kind = kind;
        Name = name;
    }

    /// <summary>Index of the entry in <see cref="WorldGazetteer.Entries"/>.</summary>
    public int Id { get; }

    public GazetteerKind Kind { get; }

    /// <summary>The canonical name ("United States", "Moscow", "North Atlantic Treaty Organization", "Russian").</summary>
    public string Name { get; }

    /// <summary>Every surface form the entry is found by, the canonical name first.</summary>
    public IReadOnlyList<string> Surfaces { get; internal set; } = [];

    /// <summary>
    /// ISO 3166-1 alpha-3 code of the country the entry belongs to ("RUS" for Moscow, the Kremlin and "Russian";
    /// "USA" for Georgia the state). For <see cref="GazetteerKind.Area"/> it is the region code ("MEA"); null for
    /// organisations that belong to no country.
    /// </summary>
    public string? Country { get; internal set; }

    /// <summary>ISO 3166-1 alpha-2 code; countries only.</summary>
    public string? Iso2 { get; internal set; }

    /// <summary>
    /// The CAMEO-style actor code the entry stands for: the country code for countries, places and nationalities
    /// ("RUS"; "KSV" for Kosovo; "USAPRI" for Puerto Rico), country + sector for government bodies ("RUSGOV",
    /// "USAMIL"), and the organisation code for IGOs and groups ("IGOUNO", "IGOWSTNAT", "PSEREBHMS").
    /// </summary>
    public string? Cameo { get; internal set; }

    /// <summary>CAMEO sector (GOV, MIL, LEG, IGO, NGO, REB, PTY) when the entry is an actor rather than a place.</summary>
    public string? Sector { get; internal set; }

    /// <summary>ISO 3166-2 code of the subdivision ("US-GA"), for regions and for cities where known.</summary>
    public string? Subdivision { get; internal set; }

    /// <summary>The capital (seat of government) of a country.</summary>
    public string? Capital { get; internal set; }

    /// <summary>True for a city that is a capital (seat of government) of its <see cref="Country"/>.</summary>
    public bool IsCapital { get; internal set; }

    public CountryStatus Status { get; internal set; }

    /// <summary>Region codes of a country ("CAU" for Georgia; "EEU", "CAU" for Russia); see Data/README.md.</summary>
    public IReadOnlyList<string> Regions { get; internal set; } = [];

    /// <summary>The type label used in output: COUNTRY, CITY, REGION, AREA, IGO, NGO, NSA, NORP or GOV-METONYM.</summary>
    public string TypeLabel => Label(Kind);

    /// <summary>True for entries that name a place (as opposed to an organisation, group or nationality).</summary>
    public bool IsPlace => Kind is GazetteerKind.Country or GazetteerKind.City or GazetteerKind.Region or GazetteerKind.Area;

    public static string Label(GazetteerKind kind) => kind switch
    {
        GazetteerKind.Country => "COUNTRY",
        GazetteerKind.City => "CITY",
        GazetteerKind.Region => "REGION",
        GazetteerKind.Area => "AREA",
        GazetteerKind.Igo => "IGO",
        GazetteerKind.Ngo => "NGO",
        GazetteerKind.NonState => "NSA",
        GazetteerKind.Norp => "NORP",
        GazetteerKind.GovMetonym => "GOV-METONYM",
        _ => "OTHER",
    };

    public override string ToString() =>
        $"{Name} [{TypeLabel}{(Country is null ? "" : " " + Country)}{(Cameo is null ? "" : " " + Cameo)}{(Subdivision is null ? "" : " " + Subdivision)}]";
}
