using System.Globalization;
using System.Text;
using Parley.Documents;

namespace Parley.Events;

/// <summary>One row of the GDELT-style event table: one dyad of one event.</summary>
public sealed record EventRow(
    string? Date, string? Actor1Name, string? Actor1Country, string? Actor1Type, string? Actor1Code,
    string? Actor2Name, string? Actor2Country, string? Actor2Type, string? Actor2Code,
    string Type, string? Mode, string? EventCode, string? RootCode, int? QuadClass, double? Goldstein, bool Verbal,
    string? PlaceName, string? PlaceCountry, double Confidence, string? ClaimedBy, string Document, string Evidence, string EvidenceOffsets);

/// <summary>
/// Flattens events into a GDELT-style table (date, actors with country and type codes, event and root code, quad
/// class, Goldstein, location, document, evidence): one row per source-target pair, both directions for reciprocal
/// events, and an empty second actor when there is no recipient.
/// </summary>
public static class EventTable
{
    public static readonly string[] Columns =
    [
        "date", "actor1_name", "actor1_country", "actor1_type", "actor1_code", "actor2_name", "actor2_country", "actor2_type", "actor2_code",
        "plover_type", "plover_mode", "event_code", "root_code", "quad_class", "goldstein", "verbal", "place", "place_country",
        "confidence", "claimed_by", "document", "evidence", "evidence_offsets",
    ];

    public static IEnumerable<EventRow> Rows(NewsDocument d, string documentId)
    {
        foreach (var e in d.Events)
        {
            var pairs = new List<(int A, int? B)>();
            if (e.Reciprocal)
            {
                foreach (var a in e.Sources)
                {
                    foreach (var b in e.Sources)
                    {
                        if (a != b)
                        {
                            pairs.Add((a, b));
                        }
                    }
                }
            }
            else
            {
                foreach (var a in e.Sources)
                {
                    if (e.Targets.Count == 0)
                    {
                        pairs.Add((a, null));
                    }

                    foreach (var b in e.Targets)
                    {
                        pairs.Add((a, b));
                    }
                }
            }

            var evidence = string.Join(" | ", e.Evidence.Select(s => d[s].Replace('\n', ' ')));
            var offsets = string.Join(";", e.Evidence.Select(s => $"{s.Start}+{s.Length}"));
            var claimed = e.ClaimedBy is { } c && c >= 0 && c < d.Entities.Count ? d.Entities[c].Name : null;
            foreach (var (a, b) in pairs)
            {
                var (n1, c1, t1, k1) = Describe(d, a);
                var (n2, c2, t2, k2) = b is { } bi ? Describe(d, bi) : (null, null, null, null);
                yield return new EventRow(e.Date, n1, c1, t1, k1, n2, c2, t2, k2, e.Type, e.Mode, e.Cameo,
                    e.Cameo is { Length: >= 2 } code ? code[..2] : null, e.QuadClass, e.Goldstein, e.Verbal,
                    e.Place?.Name, e.Place?.Country, e.Confidence, claimed, documentId, evidence, offsets);
            }
        }
    }

    private static (string? Name, string? Country, string? Type, string? Code) Describe(NewsDocument d, int entity)
    {
        if (entity < 0 || entity >= d.Entities.Count)
        {
            return (null, null, null, null);
        }

        var e = d.Entities[entity];
        return (e.Name, e.Actor?.Country, e.Actor is { Sectors.Count: > 0 } a ? string.Concat(a.Sectors) : null, EventComponent.ActorCode(e.Actor));
    }

    public static string CsvHeader() => string.Join(',', Columns);

    public static string ToCsv(EventRow r)
    {
        var fields = new object?[]
        {
            r.Date, r.Actor1Name, r.Actor1Country, r.Actor1Type, r.Actor1Code, r.Actor2Name, r.Actor2Country, r.Actor2Type, r.Actor2Code,
            r.Type, r.Mode, r.EventCode, r.RootCode, r.QuadClass, r.Goldstein, r.Verbal ? "1" : "0", r.PlaceName, r.PlaceCountry,
            r.Confidence, r.ClaimedBy, r.Document, r.Evidence, r.EvidenceOffsets,
        };
        var sb = new StringBuilder();
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append(Csv(fields[i] switch
            {
                null => "",
                double x => x.ToString("0.###", CultureInfo.InvariantCulture),
                int n => n.ToString(CultureInfo.InvariantCulture),
                var o => o.ToString() ?? "",
            }, isText: fields[i] is string));
        }

        return sb.ToString();
    }

    /// <summary>RFC 4180 quoting; text that a spreadsheet would run as a formula gets a leading apostrophe.</summary>
    internal static string Csv(string value, bool isText)
    {
        if (isText && value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
