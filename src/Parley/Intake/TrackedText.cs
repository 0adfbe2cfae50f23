using System.Text;

namespace Parley.Intake;

/// <summary>
/// Text under repair that remembers, for each character, its offset in the original input.
/// Inserted characters take the origin of the character they were inserted before, so origins
/// never decrease and a range of the original can always be found again by binary search.
/// </summary>
internal sealed class TrackedText
{
    private readonly string _text;
    private readonly int[] _origin;
    private readonly int _originEnd;

    public TrackedText(string original)
        : this(original, Enumerable.Range(0, original.Length).ToArray(), original.Length)
    {
    }

    private TrackedText(string text, int[] origin, int originEnd)
    {
        _text = text;
        _origin = origin;
        _originEnd = originEnd;
    }

    public string Text => _text;

    public int Length => _text.Length;

    public char this[int index] => _text[index];

    /// <summary>Original offset of the character at <paramref name="index"/> (or of the end, for index == Length).</summary>
    public int OriginAt(int index) => index < _origin.Length ? _origin[index] : _originEnd;

    public TrackedText Slice(int start, int length) =>
        new(_text.Substring(start, length), _origin.AsSpan(start, length).ToArray(), OriginAt(start + length));

    public TrackedText Slice(int start) => Slice(start, Length - start);

    public TrackedText Trim()
    {
        int s = 0, e = Length;
        while (s < e && char.IsWhiteSpace(_text[s]))
        {
            s++;
        }

        while (e > s && char.IsWhiteSpace(_text[e - 1]))
        {
            e--;
        }

        return s == 0 && e == Length ? this : Slice(s, e - s);
    }

    /// <summary>Applies sorted, non-overlapping edits in one pass.</summary>
    public TrackedText Apply(IReadOnlyList<TextEdit> edits)
    {
        if (edits.Count == 0)
        {
            return this;
        }

        var sb = new StringBuilder(_text.Length + 16);
        var origin = new List<int>(_text.Length + 16);
        int pos = 0;
        foreach (var edit in edits)
        {
            if (edit.Start < pos || edit.Start + edit.Length > _text.Length)
            {
                throw new InvalidOperationException($"edits overlap or run past the text at {edit.Start}");
            }

            Copy(pos, edit.Start);
            int o = OriginAt(edit.Start);
            foreach (char c in edit.Replacement)
            {
                sb.Append(c);
                origin.Add(o);
            }

            pos = edit.Start + edit.Length;
        }

        Copy(pos, _text.Length);
        return new TrackedText(sb.ToString(), [.. origin], _originEnd);

        void Copy(int from, int to)
        {
            sb.Append(_text, from, to - from);
            for (int i = from; i < to; i++)
            {
                origin.Add(_origin[i]);
            }
        }
    }

    /// <summary>Joins pieces with a separator; the separator takes the origin of the piece after it.</summary>
    public static TrackedText Join(string separator, IReadOnlyList<TrackedText> pieces)
    {
        var sb = new StringBuilder();
        var origin = new List<int>();
        for (int i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            if (i > 0)
            {
                int o = piece.Length > 0 ? piece._origin[0] : piece._originEnd;
                foreach (char c in separator)
                {
                    sb.Append(c);
                    origin.Add(o);
                }
            }

            sb.Append(piece._text);
            origin.AddRange(piece._origin);
        }

        int end = pieces.Count > 0 ? pieces[^1]._originEnd : 0;
        return new TrackedText(sb.ToString(), [.. origin], end);
    }

    /// <summary>The first index whose origin is at or after <paramref name="originalOffset"/>.</summary>
    public int IndexOfOrigin(int originalOffset)
    {
        int lo = 0, hi = _origin.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_origin[mid] < originalOffset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    public override string ToString() => _text;
}

/// <summary>Replace <see cref="Length"/> characters at <see cref="Start"/> with <see cref="Replacement"/>.</summary>
internal readonly record struct TextEdit(int Start, int Length, string Replacement);
