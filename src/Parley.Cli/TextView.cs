using System.Text;
using Parley.Documents;

namespace Parley.Cli;

/// <summary>The human-readable view of an analysed report: what it is, how it is built, and what was repaired.</summary>
internal sealed class TextViewWriter(TextWriter output) : DocumentWriter
{
    private bool _first = true;

    public override void Write(NewsDocument document)
    {
        if (!_first)
        {
            output.WriteLine();
        }

        _first = false;
        output.Write(Render(document));
        output.Flush();
    }

    public static string Render(NewsDocument d)
    {
        var sb = new StringBuilder();
        var m = d.Metadata;
        sb.Append("== ").AppendLine(m.Source ?? d.ContentHash);
        Field(sb, "Title", m.Title);
        Field(sb, "Byline", m.Byline);
        if (m.Dateline is { } dl)
        {
            string date = dl.Month is { } month
                ? $"{dl.Day} {System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month)} {(dl.Year is { } y ? y + (dl.YearInferred ? " (year inferred)" : "") : "(year unknown)")}"
                : "(no date)";
            Field(sb, "Dateline", $"{dl.Place}, {date}{(dl.Source is null ? "" : " — " + dl.Source)}   [as written: {dl.Raw}]");
        }

        Field(sb, "Published", m.Published);
        Field(sb, "Language", m.Language);
        Field(sb, "Input", $"{m.Format ?? "?"}, {m.Encoding ?? "?"}; {d.Text.Length:N0} characters, {d.Sentences.Count} sentences, {d.Tokens.Count} tokens");
        foreach (var section in d.Sections)
        {
            sb.AppendLine();
            if (section.Heading is { } heading)
            {
                sb.Append("## ").AppendLine(d[heading]);
            }

            foreach (var paragraph in section.Paragraphs)
            {
                sb.Append("   ").AppendLine(d[paragraph]);
            }
        }

        if (d.Entities.Count > 0)
        {
            sb.AppendLine().AppendLine($"Entities ({d.Entities.Count}):");
            foreach (var e in d.Entities)
            {
                sb.Append("  ").Append(e.Type.PadRight(5)).Append(OneLine(e.Name));
                if (e.Actor is { } a)
                {
                    var parts = new List<string>();
                    if (a.Country is not null)
                    {
                        parts.Add(a.Country);
                    }

                    parts.AddRange(a.Sectors);
                    if (a.Role is not null)
                    {
                        parts.Add(a.Role);
                    }

                    sb.Append("  (").Append(OneLine(string.Join(", ", parts))).Append(')');
                    if (a.Code is not null)
                    {
                        sb.Append("  ").Append(OneLine(a.Code));
                    }

                    if (!string.IsNullOrEmpty(a.Evidence))
                    {
                        sb.Append("  [").Append(OneLine(a.Evidence)).Append(']');
                    }
                }

                sb.AppendLine();
                var forms = e.Mentions.Where(i => i >= 0 && i < d.Mentions.Count).Select(i => d.Mentions[i])
                    .GroupBy(mention => (Text: OneLine(d[mention.Span]), mention.Kind))
                    .Select(g => $"«{g.Key.Text}»{(g.Key.Kind == MentionKind.Name ? "" : " " + g.Key.Kind.ToString().ToLowerInvariant())}{(g.Count() > 1 ? " ×" + g.Count() : "")}");
                sb.Append("       ").AppendLine(string.Join(", ", forms));
            }
        }

        if (d.TimeExpressions.Count > 0)
        {
            sb.AppendLine().AppendLine($"Time expressions ({d.TimeExpressions.Count}):");
            foreach (var t in d.TimeExpressions)
            {
                string value = (t.Value ?? "?") + (t.Mod is null ? "" : " " + t.Mod) + (t.Inferred ? " (year inferred)" : "");
                sb.Append("  ").Append(t.Type.PadRight(9)).Append(' ').Append(value.PadRight(28)).Append(' ')
                  .AppendLine(Quote(d.Text.Substring(t.Start, t.Length)));
            }
        }

        if (m.Furniture.Count > 0)
        {
            sb.AppendLine().AppendLine($"Removed as site furniture ({m.Furniture.Count}): " + string.Join(" | ", m.Furniture));
        }

        if (d.Flags.Count > 0)
        {
            sb.AppendLine().AppendLine($"Quality flags ({d.Flags.Count}):");
            foreach (var f in d.Flags)
            {
                sb.Append("  ").Append(f.Kind.PadRight(22)).Append(" at ").Append(f.Start.ToString().PadLeft(6))
                  .Append("  ").Append(Quote(f.Original)).Append("  ").AppendLine(f.Message);
            }
        }

        return sb.ToString();
    }

    private static void Field(StringBuilder sb, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            sb.Append((name + ":").PadRight(11)).AppendLine(value);
        }
    }

    private static string OneLine(string s) => s.Replace('\n', ' ').Replace('\r', ' ');

    private static string Quote(string? s) => s is null ? "" : "«" + (s.Length > 60 ? s[..57] + "..." : s).Replace("\n", "\\n") + "»";
}
