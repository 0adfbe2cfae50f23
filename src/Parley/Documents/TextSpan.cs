namespace Parley.Documents;

/// <summary>A half-open range [Start, Start + Length) of characters in <see cref="NewsDocument.Text"/>.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public int End => Start + Length;

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => Length == 0;

    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    public bool Contains(int offset) => offset >= Start && offset < End;

    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    public bool Overlaps(TextSpan other) => other.Start < End && Start < other.End;

    public override string ToString() => $"[{Start}..{End})";
}
