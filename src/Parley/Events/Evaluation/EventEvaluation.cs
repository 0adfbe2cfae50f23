using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Parley.Documents;
using Parley.Events.Codebook;
using Parley.Intake;
using Parley.Pipeline;

namespace Parley.Events.Evaluation;

/// <summary>Precision, recall and F1 from counts.</summary>
public readonly record struct Prf(int TruePositives, int Predicted, int Gold)
{
    public double Precision => Predicted == 0 ? 0 : (double)TruePositives / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)TruePositives / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static Prf operator +(Prf a, Prf b) => new(a.TruePositives + b.TruePositives, a.Predicted + b.Predicted, a.Gold + b.Gold);
}

/// <summary>One PETRARCH unit-test record: its text, date and expected (source, target, code) triples.</summary>
public sealed record PetrarchRecord(string Id, string Category, string? Date, string Text, IReadOnlyList<(string Source, string Target, string Code)> Gold, string? Expectation);

/// <summary>One PLOVER example record: its sentence, event type and source/target country codes.</summary>
public sealed record PloverRecord(string Id, string Type, string Text, IReadOnlyList<string> SourceCountries, IReadOnlyList<string> TargetCountries);

/// <summary>The outcome of one record, for the per-record listing.</summary>
public sealed record RecordResult(string Id, IReadOnlyList<string> Gold, IReadOnlyList<string> Predicted);

/// <summary>
/// The event benchmarks behind `parley eval events`: PETRARCH-2's unit tests coded from raw text with the validation
/// dictionaries they name, and PLOVER's example records coded with Parley's own patterns.
/// </summary>
public static class EventEvaluation
{
    /// <summary>
    /// Reads the unit-test records the file's &lt;Include&gt; selects. Records whose only expectation is about the supplied
    /// parse (error="bad_input_parse") are left out: Parley never reads that parse.
    /// </summary>
    public static (List<PetrarchRecord> Records, Dictionary<string, string> Environment) ReadPetrarch(string path)
    {
        XDocument xml;
        try
        {
            xml = XDocument.Load(path);
        }
        catch (Exception e) when (e is System.Xml.XmlException or IOException)
        {
            throw new ParleyException(ErrorCode.MalformedInput, $"{path}: {e.Message}");
        }

        var env = xml.Root?.Element("Environment")?.Elements().Where(e => !e.HasElements && e.Name.LocalName != "Config")
            .GroupBy(e => e.Name.LocalName).ToDictionary(g => g.Key, g => g.First().Value.Trim(), StringComparer.Ordinal) ?? [];
        var include = env.TryGetValue("Include", out var inc) ? inc.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal) : null;
        var records = new List<PetrarchRecord>();
        foreach (var s in xml.Descendants("Sentence"))
        {
            var category = (string?)s.Attribute("category") ?? "";
            if (include is not null && !include.Contains(category))
            {
                continue;
            }

            var text = string.Join(' ', ((string?)s.Element("Text") ?? "").Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
            var gold = new List<(string, string, string)>();
            string? expectation = null;
            foreach (var c in s.Elements("EventCoding"))
            {
                if ((string?)c.Attribute("error") is { } error)
                {
                    expectation = error;
                    continue;
                }

                if ((string?)c.Attribute("noevents") is not null)
                {
                    expectation = "noevents";
                    continue;
                }

                gold.Add((((string?)c.Attribute("sourcecode") ?? "").ToUpperInvariant(), ((string?)c.Attribute("targetcode") ?? "").ToUpperInvariant(), (string?)c.Attribute("eventcode") ?? ""));
            }

            if (expectation == "bad_input_parse")
            {
                continue;
            }

            records.Add(new PetrarchRecord((string?)s.Attribute("id") ?? $"record-{records.Count + 1}", category, (string?)s.Attribute("date"), text, gold, expectation));
        }

        return (records, env);
    }

    /// <summary>The (source, target, code) triples of a document's events; reciprocal events give every ordered pair.</summary>
    public static List<(string Source, string Target, string Code)> Triples(NewsDocument d)
    {
        var result = new List<(string, string, string)>();
        foreach (var e in d.Events)
        {
            var code = e.Cameo ?? e.Type;
            var sources = e.Sources.Select(i => EventComponent.ActorCode(d.Entities[i].Actor) ?? "---").ToList();
            if (e.Reciprocal)
            {
                for (int a = 0; a < sources.Count; a++)
                {
                    for (int b = 0; b < sources.Count; b++)
                    {
                        if (a != b)
                        {
                            result.Add((sources[a], sources[b], code));
                        }
                    }
                }

                continue;
            }

            var targets = e.Targets.Select(i => EventComponent.ActorCode(d.Entities[i].Actor) ?? "---").ToList();
            if (targets.Count == 0)
            {
                targets.Add("---");
            }

            foreach (var s in sources)
            {
                foreach (var t in targets)
                {
                    result.Add((s, t, code));
                }
            }
        }

        return result;
    }

    /// <summary>Multiset overlap of predicted and gold items.</summary>
    public static Prf Score<T>(IReadOnlyList<T> predicted, IReadOnlyList<T> gold)
        where T : notnull
    {
        var remaining = new Dictionary<T, int>();
        foreach (var g in gold)
        {
            remaining[g] = remaining.GetValueOrDefault(g) + 1;
        }

        int tp = 0;
        foreach (var p in predicted)
        {
            if (remaining.TryGetValue(p, out int n) && n > 0)
            {
                remaining[p] = n - 1;
                tp++;
            }
        }

        return new Prf(tp, predicted.Count, gold.Count);
    }

    public static DocumentInput InputFor(string id, string text) => DocumentInput.FromText(id, text);

    /// <summary>The PETRARCH date attribute (yyyymmdd) as ISO text, for the document's publication date.</summary>
    public static string? IsoDate(string? yyyymmdd) =>
        yyyymmdd is { Length: 8 } && int.TryParse(yyyymmdd, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? $"{yyyymmdd[..4]}-{yyyymmdd[4..6]}-{yyyymmdd[6..8]}"
            : null;

    public static List<PloverRecord> ReadPlover(string path)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new ParleyException(ErrorCode.MalformedInput, $"{path}: {e.Message}");
        }

        var records = new List<PloverRecord>();
        using (json)
        {
            foreach (var r in json.RootElement.EnumerateArray())
            {
                var type = r.TryGetProperty("event", out var ev) ? ev.GetString() ?? "" : "";
                if (type is "DOCUMENT" or "" || !r.TryGetProperty("text", out var text))
                {
                    continue;
                }

                records.Add(new PloverRecord(r.GetProperty("id").GetString() ?? "", PloverTypes.FromDraft(type), text.GetString() ?? "",
                    Countries(r, "source"), Countries(r, "target")));
            }
        }

        return records;
    }

    private static List<string> Countries(JsonElement record, string field)
    {
        var result = new List<string>();
        if (record.TryGetProperty(field, out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var a in list.EnumerateArray())
            {
                if (a.ValueKind == JsonValueKind.Object && a.TryGetProperty("code", out var code) && code.GetString() is { Length: > 0 } c)
                {
                    result.Add(c.ToUpperInvariant());
                }
            }
        }

        return result;
    }

    /// <summary>Times a run of the whole pipeline over texts, in sentences per second (one thread).</summary>
    public static (int Sentences, double Seconds) Time(DocumentPipeline pipeline, IEnumerable<string> texts)
    {
        int sentences = 0;
        var sw = Stopwatch.StartNew();
        int i = 0;
        foreach (var text in texts)
        {
            var d = pipeline.Process(DocumentInput.FromText($"speed-{i++}", text));
            sentences += d.Sentences.Count;
        }

        return (sentences, sw.Elapsed.TotalSeconds);
    }
}
