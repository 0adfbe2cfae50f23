namespace Parley.Nlp.Learning;

/// <summary>
/// The weights of a multi-class averaged perceptron while it learns. Features are hashes; each feature
/// keeps only the classes it has been updated for (a short chain), so many classes cost little.
/// Averaging is lazy: each weight remembers when it last changed.
/// </summary>
public sealed class PerceptronTrainer
{
    private uint[] _keys;
    private int[] _heads;
    private int _mask;
    private int _features;

    private int[] _cls = new int[1 << 16];
    private float[] _w = new float[1 << 16];
    private double[] _total = new double[1 << 16];
    private int[] _stamp = new int[1 << 16];
    private int[] _next = new int[1 << 16];
    private int _entries;

    public PerceptronTrainer(int classes)
    {
        Classes = classes;
        _keys = new uint[1 << 16];
        _heads = new int[1 << 16];
        Array.Fill(_heads, -1);
        _mask = _keys.Length - 1;
    }

    public int Classes { get; }

    /// <summary>Training examples seen so far; the average weights each weight over this clock.</summary>
    public int Clock { get; private set; }

    public int FeatureCount => _features;

    /// <summary>Adds each feature's current weights to <paramref name="scores"/>.</summary>
    public void Score(ReadOnlySpan<uint> features, Span<float> scores)
    {
        foreach (uint f in features)
        {
            int slot = Find(f);
            if (slot < 0)
            {
                continue;
            }

            for (int e = _heads[slot]; e >= 0; e = _next[e])
            {
                scores[_cls[e]] += _w[e];
            }
        }
    }

    /// <summary>Advances the averaging clock; call once per training example.</summary>
    public void Tick() => Clock++;

    /// <summary>Moves weight towards <paramref name="truth"/> and away from <paramref name="guess"/>.</summary>
    public void Update(ReadOnlySpan<uint> features, int truth, int guess, float amount = 1f)
    {
        if (truth == guess)
        {
            return;
        }

        foreach (uint f in features)
        {
            Change(f, truth, amount);
            Change(f, guess, -amount);
        }
    }

    /// <summary>Adds <paramref name="amount"/> to one class's weight of every feature.</summary>
    public void Add(ReadOnlySpan<uint> features, int cls, float amount)
    {
        foreach (uint f in features)
        {
            Change(f, cls, amount);
        }
    }

    /// <summary>The averaged weights, quantised and pruned: weights whose magnitude is below <paramref name="prune"/> are dropped.</summary>
    public SparseModel Freeze(float prune = 0f)
    {
        var rows = new List<(uint Key, List<(int Cls, float W)> Entries)>(_features);
        float max = 0;
        for (int slot = 0; slot < _keys.Length; slot++)
        {
            if (_heads[slot] < 0)
            {
                continue;
            }

            List<(int, float)>? list = null;
            for (int e = _heads[slot]; e >= 0; e = _next[e])
            {
                double total = _total[e] + (double)(Clock - _stamp[e]) * _w[e];
                float avg = Clock == 0 ? _w[e] : (float)(total / Clock);
                if (Math.Abs(avg) <= prune || avg == 0)
                {
                    continue;
                }

                (list ??= []).Add((_cls[e], avg));
                max = Math.Max(max, Math.Abs(avg));
            }

            if (list is not null)
            {
                list.Sort((a, b) => a.Item1.CompareTo(b.Item1));
                rows.Add((_keys[slot], list));
            }
        }

        return SparseModel.Build(Classes, rows, max);
    }

    /// <summary>Adds to the weight of (feature, class), creating the feature or its class entry when new.</summary>
    private void Change(uint key, int cls, float amount)
    {
        if (_features * 2 >= _keys.Length)
        {
            Grow();
        }

        int slot = (int)(key & (uint)_mask);
        while (_heads[slot] >= 0 && _keys[slot] != key)
        {
            slot = (slot + 1) & _mask;
        }

        int e;
        if (_heads[slot] < 0)
        {
            _keys[slot] = key;
            _features++;
            e = NewEntry(cls);
            _heads[slot] = e;
        }
        else
        {
            e = _heads[slot];
            int last = -1;
            while (e >= 0 && _cls[e] != cls)
            {
                last = e;
                e = _next[e];
            }

            if (e < 0)
            {
                e = NewEntry(cls);
                _next[last] = e;
            }
        }

        _total[e] += (double)(Clock - _stamp[e]) * _w[e];
        _stamp[e] = Clock;
        _w[e] += amount;
    }

    private int NewEntry(int cls)
    {
        if (_entries == _cls.Length)
        {
            int size = _cls.Length * 2;
            Array.Resize(ref _cls, size);
            Array.Resize(ref _w, size);
            Array.Resize(ref _total, size);
            Array.Resize(ref _stamp, size);
            Array.Resize(ref _next, size);
        }

        int e = _entries++;
        _cls[e] = cls;
        _w[e] = 0;
        _total[e] = 0;
        _stamp[e] = Clock;
        _next[e] = -1;
        return e;
    }

    private int Find(uint key)
    {
        int i = (int)(key & (uint)_mask);
        while (true)
        {
            if (_heads[i] < 0)
            {
                return -1;
            }

            if (_keys[i] == key)
            {
                return i;
            }

            i = (i + 1) & _mask;
        }
    }

    private void Grow()
    {
        var oldKeys = _keys;
        var oldHeads = _heads;
        _keys = new uint[oldKeys.Length * 2];
        _heads = new int[oldKeys.Length * 2];
        Array.Fill(_heads, -1);
        _mask = _keys.Length - 1;
        for (int s = 0; s < oldKeys.Length; s++)
        {
            if (oldHeads[s] < 0)
            {
                continue;
            }

            int i = (int)(oldKeys[s] & (uint)_mask);
            while (_heads[i] >= 0)
            {
                i = (i + 1) & _mask;
            }

            _keys[i] = oldKeys[s];
            _heads[i] = oldHeads[s];
        }
    }
}
