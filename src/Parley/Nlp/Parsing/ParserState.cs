namespace Parley.Nlp.Parsing;

/// <summary>
/// An arc-eager configuration over one sentence: a stack (the virtual root, index n, at its bottom),
/// the buffer position, the arcs built so far, and the nearest dependents of every word, which the
/// features read. Arrays are reused between sentences.
/// </summary>
internal sealed class ParserState
{
    public const int NoHead = -2;

    public int N;
    public int[] Stack = new int[64];
    public int StackCount;
    public int Buffer;
    public int[] Head = new int[64];
    public int[] Label = new int[64];
    public int[] Left1 = new int[64];
    public int[] Left2 = new int[64];
    public int[] Right1 = new int[64];
    public int[] Right2 = new int[64];
    public int[] LeftCount = new int[64];
    public int[] RightCount = new int[64];
    public ulong[] LeftLabels = new ulong[64];
    public ulong[] RightLabels = new ulong[64];
    public int RootChildren;

    public int Root => N;

    public bool Terminal => Buffer >= N;

    public int S0 => StackCount > 0 ? Stack[StackCount - 1] : -1;

    public int S1 => StackCount > 1 ? Stack[StackCount - 2] : -1;

    public void Reset(int n)
    {
        if (n + 1 > Head.Length)
        {
            int size = Math.Max(n + 1, Head.Length * 2);
            Stack = new int[size];
            Head = new int[size];
            Label = new int[size];
            Left1 = new int[size];
            Left2 = new int[size];
            Right1 = new int[size];
            Right2 = new int[size];
            LeftCount = new int[size];
            RightCount = new int[size];
            LeftLabels = new ulong[size];
            RightLabels = new ulong[size];
        }

        N = n;
        for (int i = 0; i <= n; i++)
        {
            Head[i] = NoHead;
            Label[i] = -1;
            Left1[i] = Left2[i] = Right1[i] = Right2[i] = -1;
            LeftCount[i] = RightCount[i] = 0;
            LeftLabels[i] = RightLabels[i] = 0;
        }

        Stack[0] = n;
        StackCount = 1;
        Buffer = 0;
        RootChildren = 0;
    }

    public void Shift() => Stack[StackCount++] = Buffer++;

    public void Reduce() => StackCount--;

    /// <summary>The buffer front becomes the head of the stack top, which is popped.</summary>
    public void LeftArc(int label)
    {
        int d = Stack[--StackCount];
        AddArc(Buffer, d, label);
    }

    /// <summary>The stack top becomes the head of the buffer front, which is pushed.</summary>
    public void RightArc(int label)
    {
        int h = Stack[StackCount - 1];
        AddArc(h, Buffer, label);
        Shift();
    }

    private void AddArc(int h, int d, int label)
    {
        Head[d] = h;
        Label[d] = label;
        if (h == N)
        {
            RootChildren++;
            return;
        }

        ulong bit = 1UL << (label & 63);
        if (d < h)
        {
            LeftCount[h]++;
            LeftLabels[h] |= bit;
            if (Left1[h] < 0 || d < Left1[h])
            {
                Left2[h] = Left1[h];
                Left1[h] = d;
            }
            else if (Left2[h] < 0 || d < Left2[h])
            {
                Left2[h] = d;
            }
        }
        else
        {
            RightCount[h]++;
            RightLabels[h] |= bit;
            if (Right1[h] < 0 || d > Right1[h])
            {
                Right2[h] = Right1[h];
                Right1[h] = d;
            }
            else if (Right2[h] < 0 || d > Right2[h])
            {
                Right2[h] = d;
            }
        }
    }
}
