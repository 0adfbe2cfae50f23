namespace Parley.Nlp.Learning;

/// <summary>An interned list of labels (tags, relations, edit scripts): index ↔ string.</summary>
public sealed class LabelSet
{
    private readonly List<string> _labels = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public LabelSet()
    {
    }

    public LabelSet(IEnumerable<string> labels)
    {
        foreach (var label in labels)
        {
            Add(label);
        }
    }

    public int Count => _labels.Count;

    public string this[int index] => _labels[index];

    public IReadOnlyList<string> Labels => _labels;

    public int Add(string label)
    {
        if (!_index.TryGetValue(label, out int i))
        {
            i = _labels.Count;
            _labels.Add(label);
            _index[label] = i;
        }

        return i;
    }

    /// <summary>The label's index, or -1.</summary>
    public int IndexOf(string label) => _index.GetValueOrDefault(label, -1);

    public void Write(BinaryWriter writer)
    {
        writer.Write(_labels.Count);
        foreach (var label in _labels)
        {
            writer.Write(label);
        }
    }

    public static LabelSet Read(BinaryReader reader)
    {
        int n = reader.ReadInt32();
        if (n < 0 || n > 1 << 20)
        {
            throw new ParleyException(ErrorCode.ModelFormat, $"a label list claims {n} labels; the model file is damaged");
        }

        var set = new LabelSet();
        for (int i = 0; i < n; i++)
        {
            set.Add(reader.ReadString());
        }

        return set;
    }
}
