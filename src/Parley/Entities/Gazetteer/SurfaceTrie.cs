namespace Parley.Entities.Gazetteer;

/// <summary>
/// A character trie over folded surface forms. Walking it from a position in the text finds every name that
/// starts there in one pass, however many names the gazetteer holds; runs of spaces in the text count as one.
/// </summary>
internal sealed class SurfaceTrie
{
    private const char Space = ' ';

    /// <summary>Child links keyed by (node &lt;&lt; 16 | folded char).</summary>
    private readonly Dictionary<long, int> _children = [];

    /// <summary>For terminal nodes: the surfaces (exact spellings) that fold to the path.</summary>
    private readonly Dictionary<int, List<Surface>> _terminals = [];

    private int _nodeCount = 1;

    private Comparison<GazetteerEntry>? _order;

    internal sealed record Surface(string Text, List<GazetteerEntry> Entries);

    public void Add(string surface, GazetteerEntry entry)
    {
        string folded = SurfaceText.FoldAll(surface);
        if (folded.Length == 0)
        {
            return;
        }

        int node = 0;
        foreach (char c in folded)
        {
            long key = ((long)node << 16) | c;
            if (!_children.TryGetValue(key, out int child))
            {
                child = _nodeCount++;
                _children[key] = child;
            }

            node = child;
        }

        if (!_terminals.TryGetValue(node, out var list))
        {
            list = [];
            _terminals[node] = list;
        }

        string normalised = string.Join(' ', surface.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var existing = list.Find(s => s.Text == normalised);
        if (existing is null)
        {
            list.Add(new Surface(normalised, [entry]));
        }
        else if (!existing.Entries.Contains(entry))
        {
            existing.Entries.Add(entry);
        }
    }

    /// <summary>Sorts each surface's entries into default order once all entries are added.</summary>
    public void Freeze(Comparison<GazetteerEntry> order)
    {
        _order = order;
        foreach (var list in _terminals.Values)
        {
            foreach (var s in list)
            {
                s.Entries.Sort(order);
            }
        }
    }

    /// <summary>
    /// The longest name starting at <paramref name="start"/> whose end satisfies <paramref name="boundaries"/>
    /// and whose letter case is acceptable; null when none.
    /// </summary>
    public GazetteerMatch? LongestAt<TBoundaries>(string text, int start, int limit, TBoundaries boundaries)
        where TBoundaries : IEndBoundaries, allows ref struct
    {
        // Ends of candidate names, shortest first; names are short so a small stack buffer holds them.
        Span<int> ends = stackalloc int[16];
        Span<int> nodes = stackalloc int[16];
        int found = 0;
        int node = 0;
        int i = start;
        while (i < limit)
        {
            char c = text[i];
            int next;
            char folded;
            if (SurfaceText.IsSpace(c))
            {
                next = i + 1;
                while (next < limit && SurfaceText.IsSpace(text[next]))
                {
                    next++;
                }

                folded = Space;
            }
            else if (c == '\n' || c == '\r')
            {
                break;
            }
            else
            {
                folded = SurfaceText.Fold(c);
                next = i + 1;
            }

            if (!_children.TryGetValue(((long)node << 16) | folded, out node))
            {
                break;
            }

            i = next;
            if (_terminals.ContainsKey(node) && boundaries.IsEnd(i))
            {
                if (found == ends.Length)
                {
                    // Keep the longest ones.
                    ends[1..].CopyTo(ends);
                    nodes[1..].CopyTo(nodes);
                    found--;
                }

                ends[found] = i;
                nodes[found] = node;
                found++;
            }
        }

        for (int k = found - 1; k >= 0; k--)
        {
            var span = text.AsSpan(start, ends[k] - start);
            List<GazetteerEntry>? candidates = null;
            string? surfaceText = null;
            var best = MatchCase.None;
            foreach (var surface in _terminals[nodes[k]])
            {
                var letterCase = SurfaceText.CheckCase(surface.Text, span);
                if (letterCase == MatchCase.None)
                {
                    continue;
                }

                if (candidates is null)
                {
                    candidates = surface.Entries;
                    surfaceText = surface.Text;
                    best = letterCase;
                }
                else
                {
                    // Several spellings fit ("Georgia" entries share one; "US"/"Us" would not): merge.
                    var merged = new List<GazetteerEntry>(candidates);
                    foreach (var e in surface.Entries)
                    {
                        if (!merged.Contains(e))
                        {
                            merged.Add(e);
                        }
                    }

                    if (_order is not null)
                    {
                        merged.Sort(_order);
                    }

                    candidates = merged;
                    if (letterCase < best || best == MatchCase.None)
                    {
                        best = letterCase;
                    }
                }
            }

            if (candidates is not null)
            {
                return new GazetteerMatch(start, ends[k] - start, candidates, best, surfaceText!);
            }
        }

        return null;
    }
}
