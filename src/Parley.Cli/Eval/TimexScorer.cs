using Parley.Documents;

namespace Parley.Cli.Eval;

/// <summary>
/// Precision, recall and F1 from counts. Precision is counted on the system side and recall on the gold side,
/// as TempEval-3 does, so the two "correct" counts may differ when expressions overlap several others.
/// </summary>
internal readonly record struct Prf(int SystemCorrect, int System, int GoldCorrect, int Gold)
{
    public double Precision => System == 0 ? 0 : (double)SystemCorrect / System;

    public double Recall => Gold == 0 ? 0 : (double)GoldCorrect / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Scores time expressions against gold TIMEX3 the way TempEval-3 does.
/// <list type="bullet">
/// <item>Extent, strict: a system expression is right when a gold one has exactly its character span.
/// Precision = right system expressions / system expressions; recall = gold expressions with an exact system
/// twin / gold expressions.</item>
/// <item>Extent, relaxed: as strict, with "overlaps" instead of "has exactly its span".</item>
/// <item>Value (and type) F1: each expression is paired with the overlapping expression of the other side that
/// shares most characters (the earliest on ties). A system expression counts as correct when its partner exists
/// and has the same value; precision = correct system expressions / system expressions, recall = gold expressions
/// whose partner has their value / gold expressions. This is TempEval-3's attribute F1 ("value F1").</item>
/// <item>Value accuracy: among gold expressions that have a partner, the share whose partner has their value.</item>
/// </list>
/// Values are compared as strings, exactly.
/// </summary>
internal sealed class TimexScorer
{
    private int _system, _gold, _strictSystem, _strictGold, _relaxedSystem, _relaxedGold;
    private int _valueSystem, _valueGold, _typeSystem, _typeGold, _matchedGold;
    private readonly Dictionary<string, TypeCounts> _byType = new(StringComparer.Ordinal);

    /// <summary>One scored pair or miss, for error listings.</summary>
    internal sealed record Outcome(GoldTimex? Gold, TimeExpression? System, string Kind);

    public List<Outcome> Errors { get; } = [];

    private sealed class TypeCounts
    {
        public int Gold, System, StrictGold, RelaxedGold, RelaxedSystem, ValueGold, ValueSystem;
    }

    private TypeCounts For(string type)
    {
        if (!_byType.TryGetValue(type, out var c))
        {
            c = new TypeCounts();
            _byType[type] = c;
        }

        return c;
    }

    public void Add(IReadOnlyList<GoldTimex> gold, IReadOnlyList<TimeExpression> system)
    {
        _gold += gold.Count;
        _system += system.Count;
        foreach (var g in gold)
        {
            var c = For(g.Type);
            c.Gold++;
            bool strict = system.Any(s => s.Start == g.Start && s.Start + s.Length == g.End);
            var partner = BestOverlap(g.Start, g.End, system, s => (s.Start, s.Start + s.Length));
            if (strict)
            {
                _strictGold++;
                c.StrictGold++;
            }

            if (partner is null)
            {
                Errors.Add(new Outcome(g, null, "missed"));
                continue;
            }

            _relaxedGold++;
            _matchedGold++;
            c.RelaxedGold++;
            if (partner.Value == g.Value)
            {
                _valueGold++;
                c.ValueGold++;
            }
            else
            {
                Errors.Add(new Outcome(g, partner, "value"));
            }

            if (partner.Type == g.Type)
            {
                _typeGold++;
            }
        }

        foreach (var s in system)
        {
            var c = For(s.Type);
            c.System++;
            int end = s.Start + s.Length;
            if (gold.Any(g => g.Start == s.Start && g.End == end))
            {
                _strictSystem++;
            }

            var partner = BestOverlap(s.Start, end, gold, g => (g.Start, g.End));
            if (partner is null)
            {
                Errors.Add(new Outcome(null, s, "spurious"));
                continue;
            }

            _relaxedSystem++;
            c.RelaxedSystem++;
            if (partner.Value == s.Value)
            {
                _valueSystem++;
                c.ValueSystem++;
            }

            if (partner.Type == s.Type)
            {
                _typeSystem++;
            }
        }
    }

    private static T? BestOverlap<T>(int start, int end, IReadOnlyList<T> others, Func<T, (int Start, int End)> span)
        where T : class
    {
        // Most shared characters wins; on a tie the one whose extent is closest to this one's (so that "2009"
        // pairs with a gold "2009" rather than with a gold "from 2009 to 2011" around it).
        T? best = null;
        int bestOverlap = 0, bestExtra = int.MaxValue;
        foreach (var o in others)
        {
            var (s, e) = span(o);
            int overlap = Math.Min(end, e) - Math.Max(start, s);
            int extra = (e - s) + (end - start) - 2 * overlap;
            if (overlap > 0 && (overlap > bestOverlap || (overlap == bestOverlap && extra < bestExtra)))
            {
                best = o;
                bestOverlap = overlap;
                bestExtra = extra;
            }
        }

        return best;
    }

    public int GoldCount => _gold;

    public int SystemCount => _system;

    public Prf Strict => new(_strictSystem, _system, _strictGold, _gold);

    public Prf Relaxed => new(_relaxedSystem, _system, _relaxedGold, _gold);

    public Prf Value => new(_valueSystem, _system, _valueGold, _gold);

    public Prf Type => new(_typeSystem, _system, _typeGold, _gold);

    /// <summary>Among gold expressions found (relaxed), the share given the right value.</summary>
    public double ValueAccuracy => _matchedGold == 0 ? 0 : (double)_valueGold / _matchedGold;

    public IEnumerable<(string Type, int Gold, int System, double StrictRecall, double RelaxedRecall, double RelaxedPrecision, double ValueAccuracy, double ValueF1)> PerType()
    {
        foreach (var (type, c) in _byType.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            double valueP = c.System == 0 ? 0 : (double)c.ValueSystem / c.System;
            double valueR = c.Gold == 0 ? 0 : (double)c.ValueGold / c.Gold;
            double valueF = valueP + valueR == 0 ? 0 : 2 * valueP * valueR / (valueP + valueR);
            yield return (type, c.Gold, c.System,
                c.Gold == 0 ? 0 : (double)c.StrictGold / c.Gold,
                c.Gold == 0 ? 0 : (double)c.RelaxedGold / c.Gold,
                c.System == 0 ? 0 : (double)c.RelaxedSystem / c.System,
                c.RelaxedGold == 0 ? 0 : (double)c.ValueGold / c.RelaxedGold,
                valueF);
        }
    }
}
