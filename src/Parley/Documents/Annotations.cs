namespace Parley.Documents;

/// <summary>How a mention names its entity.</summary>
public enum MentionKind
{
    /// <summary>A proper name ("Sergei Lavrov", "Lavrov").</summary>
    Name,

    /// <summary>A description ("the Russian Minister", "the head of the Russian foreign Ministry").</summary>
    Nominal,

    /// <summary>A pronoun ("he", "her").</summary>
    Pronoun,
}

/// <summary>One stretch of text that refers to a person, organisation, place or group.</summary>
public sealed class Mention
{
    public int Start { get; set; }

    public int Length { get; set; }

    /// <summary>PER, ORG, LOC, NORP, ...</summary>
    public required string Type { get; set; }

    public MentionKind Kind { get; set; }

    /// <summary>Index into <see cref="NewsDocument.Entities"/>, or -1 when not resolved.</summary>
    public int Entity { get; set; } = -1;

    [System.Text.Json.Serialization.JsonIgnore]
    public TextSpan Span => new(Start, Length);
}

/// <summary>A political actor as CAMEO codes it: country, sector and role.</summary>
public sealed class Actor
{
    /// <summary>The CAMEO actor code, e.g. "RUSGOV".</summary>
    public string? Code { get; set; }

    /// <summary>ISO 3166-1 alpha-3 country code ("RUS", "USA"), or a CAMEO regional/IGO code.</summary>
    public string? Country { get; set; }

    /// <summary>CAMEO sector codes (GOV, MIL, OPP, IGO, ...).</summary>
    public List<string> Sectors { get; set; } = [];

    /// <summary>A human-readable role ("foreign minister", "secretary of state").</summary>
    public string? Role { get; set; }

    /// <summary>Where the resolution came from: "context", "gazetteer", "dictionary:&lt;file&gt;".</summary>
    public string? Evidence { get; set; }
}

/// <summary>A document-level entity: all the mentions of one person, organisation, place or group.</summary>
public sealed class Entity
{
    public int Id { get; set; }

    public required string Type { get; set; }

    /// <summary>The canonical name ("Sergei Lavrov").</summary>
    public required string Name { get; set; }

    /// <summary>Indices into <see cref="NewsDocument.Mentions"/>.</summary>
    public List<int> Mentions { get; set; } = [];

    public Actor? Actor { get; set; }
}

/// <summary>A temporal expression normalised to TIMEX3.</summary>
public sealed class TimeExpression
{
    public int Start { get; set; }

    public int Length { get; set; }

    /// <summary>DATE, TIME, DURATION or SET.</summary>
    public required string Type { get; set; }

    /// <summary>TIMEX3 value ("2009-03-06", "2009-12", "P2H", "PRESENT_REF").</summary>
    public string? Value { get; set; }

    /// <summary>TIMEX3 mod when the expression narrows or hedges its value: START, MID, END, EARLY, LATE, APPROX, MORE_THAN, LESS_THAN, EQUAL_OR_MORE, EQUAL_OR_LESS.</summary>
    public string? Mod { get; set; }

    /// <summary>True when part of the value (usually the year) was inferred rather than written.</summary>
    public bool Inferred { get; set; }

    [System.Text.Json.Serialization.JsonIgnore]
    public TextSpan Span => new(Start, Length);
}

public enum QuoteKind
{
    /// <summary>Words inside quotation marks, attributed to a speaker.</summary>
    Direct,

    /// <summary>A quoted fragment inside the writer's own sentence (called the meeting "very productive").</summary>
    Partial,

    /// <summary>Reported speech without quotation marks (X said that ...).</summary>
    Indirect,

    /// <summary>Reported speech that mixes paraphrase and a quoted fragment.</summary>
    Mixed,
}

/// <summary>Something somebody said, with the words that show who said it.</summary>
public sealed class Quote
{
    public QuoteKind Kind { get; set; }

    /// <summary>What was said (inside the quotation marks for direct quotes).</summary>
    public TextSpan Content { get; set; }

    /// <summary>The reporting verb or phrase ("said", "according to").</summary>
    public TextSpan? Cue { get; set; }

    /// <summary>The words naming the speaker in or near the quote ("he", "the Secretary").</summary>
    public TextSpan? SpeakerMention { get; set; }

    /// <summary>Index into <see cref="NewsDocument.Entities"/> of the speaker, or null when unknown.</summary>
    public int? Speaker { get; set; }

    /// <summary>Index into <see cref="NewsDocument.Entities"/> of the addressee, when stated.</summary>
    public int? Addressee { get; set; }

    public double Confidence { get; set; }
}

/// <summary>A place an event happened, resolved where possible.</summary>
public sealed class EventPlace
{
    public string? Name { get; set; }

    /// <summary>ISO 3166-1 alpha-3 country code.</summary>
    public string? Country { get; set; }

    public TextSpan? Span { get; set; }
}

/// <summary>Who did what to whom, where and when (PLOVER, with its CAMEO equivalent).</summary>
public sealed class NewsEvent
{
    /// <summary>PLOVER event type ("CONSULT", "SANCTION").</summary>
    public required string Type { get; set; }

    public string? Mode { get; set; }

    public string? Context { get; set; }

    /// <summary>CAMEO event code ("040", "163").</summary>
    public string? Cameo { get; set; }

    public int? QuadClass { get; set; }

    public double? Goldstein { get; set; }

    /// <summary>True for speech acts (comments, appeals, accusations); false for material acts.</summary>
    public bool Verbal { get; set; }

    /// <summary>Indices into <see cref="NewsDocument.Entities"/>.</summary>
    public List<int> Sources { get; set; } = [];

    public List<int> Targets { get; set; } = [];

    /// <summary>True when the sources act together or towards each other (a meeting, a clash): PLOVER lists them all as actors and no recipient.</summary>
    public bool Reciprocal { get; set; }

    public EventPlace? Place { get; set; }

    /// <summary>TIMEX3 date value of the event.</summary>
    public string? Date { get; set; }

    /// <summary>The sentence(s) that report the event.</summary>
    public List<TextSpan> Evidence { get; set; } = [];

    public double Confidence { get; set; }

    /// <summary>Entity index of the speaker when the event is only claimed in a quote; null when the reporter asserts it.</summary>
    public int? ClaimedBy { get; set; }
}

/// <summary>A repair the intake made to the text, or a problem it found and left alone.</summary>
public sealed class QualityFlag
{
    /// <summary>A stable kind name (see <see cref="QualityFlagKinds"/>).</summary>
    public required string Kind { get; set; }

    /// <summary>Where the result of the repair lies in <see cref="NewsDocument.Text"/> (length 0 when text was removed).</summary>
    public int Start { get; set; }

    public int Length { get; set; }

    /// <summary>The original text that was replaced or removed.</summary>
    public string? Original { get; set; }

    /// <summary>Character offset of <see cref="Original"/> in the decoded input, before any repair.</summary>
    public int OriginalOffset { get; set; }

    public string? Message { get; set; }

    [System.Text.Json.Serialization.JsonIgnore]
    public TextSpan Span => new(Start, Length);
}

/// <summary>The quality flag kinds the engine emits.</summary>
public static class QualityFlagKinds
{
    public const string QuoteArtefact = "quote-artefact";
    public const string GluedHeading = "glued-heading";
    public const string GluedSentence = "glued-sentence";
    public const string Dateline = "dateline";
    public const string Furniture = "furniture";
    public const string ControlCharacters = "control-characters";
    public const string Mojibake = "mojibake";
    public const string ReplacementCharacter = "replacement-character";
    public const string Truncated = "truncated";
    public const string HtmlEntity = "html-entity";
}
