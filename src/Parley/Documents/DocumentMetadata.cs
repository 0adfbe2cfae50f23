namespace Parley.Documents;

/// <summary>What is known about a report apart from its body text.</summary>
public sealed class DocumentMetadata
{
    public string? Title { get; set; }

    public string? Byline { get; set; }

    public Dateline? Dateline { get; set; }

    /// <summary>Publication date or time as ISO 8601 text, as precise as the source allows ("2009-03-07", "2009-03-07T10:15:00+03:00").</summary>
    public string? Published { get; set; }

    /// <summary>ISO 639-1 code of the body's main language, when known.</summary>
    public string? Language { get; set; }

    /// <summary>Where the document came from: a file path, "-" for standard input, or an identifier given by the caller.</summary>
    public string? Source { get; set; }

    public string? Url { get; set; }

    /// <summary>The character encoding the input was decoded from.</summary>
    public string? Encoding { get; set; }

    /// <summary>Which intake read the input ("text", "html", ...).</summary>
    public string? Format { get; set; }

    /// <summary>Site furniture removed from the body (comment forms, share bars, "related articles"), kept verbatim so nothing is silently lost.</summary>
    public List<string> Furniture { get; set; } = [];
}

/// <summary>
/// The place, date and agency line that opens a wire report ("GENEVA, 7 Mar - RIA Novosti.").
/// Day, month and year are kept apart because wire datelines usually omit the year.
/// </summary>
public sealed class Dateline
{
    /// <summary>The dateline exactly as it appeared in the input.</summary>
    public required string Raw { get; set; }

    /// <summary>Offset of <see cref="Raw"/> in the original input text (before repairs).</summary>
    public int OriginalOffset { get; set; }

    /// <summary>The place as written, in title case ("Geneva").</summary>
    public string? Place { get; set; }

    public int? Day { get; set; }

    public int? Month { get; set; }

    public int? Year { get; set; }

    /// <summary>True when <see cref="Year"/> was not written in the dateline but inferred from the text.</summary>
    public bool YearInferred { get; set; }

    /// <summary>The news agency or outlet ("RIA Novosti", "Reuters").</summary>
    public string? Source { get; set; }

    /// <summary>The dateline's date as ISO 8601 text, as far as it is known ("2009-03-07", or "XXXX-03-07" when the year is unknown).</summary>
    public string? DateValue => Month is null ? null
        : $"{(Year is { } y ? y.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) : "XXXX")}-{Month:D2}" + (Day is { } d ? $"-{d:D2}" : "");
}
