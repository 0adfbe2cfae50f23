using Parley.Documents;

namespace Parley.Entities.Gazetteer;

/// <summary>
/// A stretch of text that names one or more gazetteer entries. <see cref="Candidates"/> holds every entry
/// the words can name ("Georgia": the country and the US state; "Washington": the US capital, the state
/// and the US government), most likely first when nothing else is known; <see cref="GazetteerDisambiguator"/>
/// picks one from the context.
/// </summary>
public sealed class GazetteerMatch
{
    internal GazetteerMatch(int start, int length, IReadOnlyList<GazetteerEntry> candidates, MatchCase letterCase, string surface)
    {
        Start = start;
        Length = length;
        Candidates = candidates;
        Case = letterCase;
        Surface = surface;
    }

    public int Start { get; }

    public int Length { get; }

    public int End => Start + Length;

    public TextSpan Span => new(Start, Length);

    /// <summary>The gazetteer's spelling of the matched name ("Côte d'Ivoire" for "Cote d’Ivoire").</summary>
    public string Surface { get; }

    /// <summary>The entries the words can name, in default order of likelihood (never empty).</summary>
    public IReadOnlyList<GazetteerEntry> Candidates { get; }

    public MatchCase Case { get; }

    /// <summary>True when the words name more than one entry.</summary>
    public bool IsAmbiguous => Candidates.Count > 1;

    /// <summary>The first candidate of the given kind, or null.</summary>
    public GazetteerEntry? Candidate(GazetteerKind kind)
    {
        foreach (var entry in Candidates)
        {
            if (entry.Kind == kind)
            {
                return entry;
            }
        }

        return null;
    }

    public override string ToString() => $"{Span} {Surface}: {string.Join(" | ", Candidates)}";
}
