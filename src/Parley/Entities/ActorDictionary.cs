using System.Globalization;

namespace Parley.Entities;

/// <summary>One dated role of a dictionary actor: a CAMEO code valid from one date to another (either may be open).</summary>
public readonly record struct DatedCode(string Code, DateOnly? From, DateOnly? Until)
{
    public bool ValidOn(DateOnly date) => (From is null || date >= From) && (Until is null || date <= Until);

    public bool Undated => From is null && Until is null;
}

/// <summary>An actor of a user dictionary: its name and every dated code.</summary>
public sealed record DictionaryActor(string Name, IReadOnlyList<DatedCode> Codes, string File);

/// <summary>
/// Actor dictionaries in the TABARI/PETRARCH format, loaded from a path the user gives (a file or a folder of
/// *.actors.txt files). An entry is a name line, "+" alias lines, and indented code lines such as
/// <c>[RUSGOV &gt;20040309]</c>, <c>[USAGOV 090121-130201]</c> or <c>[IGOUNO]</c>; "#" starts a comment.
/// Names are matched as whole words, case-insensitively, with "_" read as a space.
/// </summary>
public sealed class ActorDictionary
{
    /// <summary>Largest dictionary file read, so that a wrong path cannot exhaust memory.</summary>
    public const long MaxFileBytes = 64L << 20;

    private readonly Dictionary<string, DictionaryActor> _byName = new(StringComparer.OrdinalIgnoreCase);

    public int Count => _byName.Count;

    public static ActorDictionary Load(string path)
    {
        var dictionary = new ActorDictionary();
        IEnumerable<string> files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.actors.txt").Order(StringComparer.Ordinal)
            : File.Exists(path) ? [path] : throw new ParleyException(ErrorCode.NotFound, $"actor dictionary {path} does not exist");
        foreach (var file in files)
        {
            if (new FileInfo(file).Length > MaxFileBytes)
            {
                throw new ParleyException(ErrorCode.InputTooLarge, $"actor dictionary {file} is larger than {MaxFileBytes >> 20} MiB");
            }

            dictionary.Read(file, File.ReadLines(file));
        }

        return dictionary;
    }

    /// <summary>Reads dictionary text (used by tests with hand-written entries).</summary>
    public static ActorDictionary Parse(string text, string file = "inline")
    {
        var dictionary = new ActorDictionary();
        dictionary.Read(file, text.Split('\n'));
        return dictionary;
    }

    public DictionaryActor? Find(string name) => _byName.GetValueOrDefault(Key(name));

    /// <summary>The code of <paramref name="actor"/> valid on <paramref name="date"/>: a dated role that covers it, else an undated one; null when none applies or the date is unknown and every role is dated.</summary>
    public static DatedCode? CodeOn(DictionaryActor actor, DateOnly? date)
    {
        if (date is { } d)
        {
            foreach (var code in actor.Codes)
            {
                if (!code.Undated && code.ValidOn(d))
                {
                    return code;
                }
            }
        }

        foreach (var code in actor.Codes)
        {
            if (code.Undated)
            {
                return code;
            }
        }

        return null;
    }

    private void Read(string file, IEnumerable<string> lines)
    {
        string fileName = Path.GetFileName(file);
        var names = new List<string>();
        var codes = new List<DatedCode>();
        void Flush()
        {
            if (names.Count > 0 && codes.Count > 0)
            {
                var actor = new DictionaryActor(names[0], [.. codes], fileName);
                foreach (var name in names)
                {
                    _byName.TryAdd(Key(name), actor);
                }
            }

            names.Clear();
            codes.Clear();
        }

        foreach (var raw in lines)
        {
            int hash = raw.IndexOf('#');
            string line = (hash >= 0 ? raw[..hash] : raw).TrimEnd();
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (char.IsWhiteSpace(line[0]))
            {
                ReadCodes(line, codes);
                continue;
            }

            string rest;
            if (line[0] == '+')
            {
                (string name, rest) = SplitName(line[1..]);
                names.Add(name);
            }
            else
            {
                // A new entry; the previous one is complete (without any code it is dropped).
                Flush();

                (string name, rest) = SplitName(line);
                names.Add(name);
            }

            ReadCodes(rest, codes);
        }

        Flush();
    }

    private static (string Name, string Codes) SplitName(string line)
    {
        line = line.Trim();
        int space = line.IndexOfAny([' ', '\t', '[']);
        return space < 0 ? (Clean(line), "") : (Clean(line[..space]), line[space..]);
    }

    private static string Clean(string name) => name.Replace('_', ' ').Trim();

    private static string Key(string name) => string.Join(' ', name.Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    private static void ReadCodes(string text, List<DatedCode> codes)
    {
        int p = 0;
        while ((p = text.IndexOf('[', p)) >= 0)
        {
            int q = text.IndexOf(']', p);
            if (q < 0)
            {
                return;
            }

            var parts = text[(p + 1)..q].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            p = q + 1;
            if (parts.Length == 0 || parts[0].StartsWith('~'))
            {
                continue;
            }

            DateOnly? from = null, until = null;
            if (parts.Length > 1)
            {
                string range = parts[1];
                if (range.StartsWith('>'))
                {
                    from = ParseDate(range[1..]);
                    if (from is null)
                    {
                        continue;
                    }
                }
                else if (range.StartsWith('<'))
                {
                    until = ParseDate(range[1..]);
                    if (until is null)
                    {
                        continue;
                    }
                }
                else if (range.Split('-') is [var a, var b])
                {
                    from = ParseDate(a);
                    until = ParseDate(b);
                    if (from is null || until is null)
                    {
                        continue; // a malformed range is ignored rather than read as "always"
                    }
                }
            }

            codes.Add(new DatedCode(parts[0], from, until));
        }
    }

    /// <summary>YYYYMMDD or YYMMDD (years before 30 are 20xx, as in the Phoenix files).</summary>
    internal static DateOnly? ParseDate(string s)
    {
        if (s.Length == 6 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int v6))
        {
            int yy = v6 / 10000;
            return Make((yy < 30 ? 2000 : 1900) + yy, v6 / 100 % 100, v6 % 100);
        }

        if (s.Length == 8 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int v8))
        {
            return Make(v8 / 10000, v8 / 100 % 100, v8 % 100);
        }

        return null;
    }

    private static DateOnly? Make(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
}
