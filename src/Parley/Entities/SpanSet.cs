using Parley.Documents;

namespace Parley.Entities;

/// <summary>
/// Mentions that do not overlap one another, sorted by start, for overlap questions in logarithmic time
/// (a report with tens of thousands of mentions must not make entity finding quadratic).
/// </summary>
internal sealed class SpanSet
{
    private readonly Mention[] _sorted;

    /// <summary>Keeps the first of any mentions that overlap, so the set stays disjoint.</summary>
    public SpanSet(IEnumerable<Mention> mentions)
    {
        var sorted = mentions.OrderBy(m => m.Start).ThenByDescending(m => m.Length).ToList();
        var kept = new List<Mention>(sorted.Count);
        int end = int.MinValue;
        foreach (var m in sorted)
        {
            if (m.Start >= end)
            {
                kept.Add(m);
                end = m.Start + m.Length;
            }
        }

        _sorted = [.. kept];
    }

    public bool Overlaps(int start, int end) => Overlapping(start, end).Any();

    /// <summary>The mentions overlapping [start, end), in text order.</summary>
    public IEnumerable<Mention> Overlapping(int start, int end)
    {
        // The first mention that ends after start.
        int lo = 0, hi = _sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_sorted[mid].Start + _sorted[mid].Length <= start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (int i = lo; i < _sorted.Length && _sorted[i].Start < end; i++)
        {
            yield return _sorted[i];
        }
    }
}
