using System.Collections.Frozen;
using System.Globalization;

namespace Parley.Events.Codebook;

/// <summary>What one CAMEO code means in PLOVER terms, with its scores.</summary>
public sealed record CodeInfo(string Code, string? Type, string? Mode, string? Context, double Goldstein, string Description)
{
    /// <summary>PLOVER quad class (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict).</summary>
    public int? QuadClass => Type is null ? CameoQuadClass(Code) : PloverTypes.QuadClass(Type);

    /// <summary>True for speech acts (quads 1 and 3).</summary>
    public bool Verbal => QuadClass is 1 or 3;

    /// <summary>The two-digit CAMEO cue category ("04" for "042").</summary>
    public string Root => Code.Length >= 2 ? Code[..2] : Code;

    // GDELT's grouping of CAMEO roots, used only for codes PLOVER has no type for (CAMEO 01).
    private static int? CameoQuadClass(string code) =>
        int.TryParse(code.AsSpan(0, Math.Min(2, code.Length)), NumberStyles.None, CultureInfo.InvariantCulture, out int root) && root is >= 1 and <= 20
            ? root switch { <= 5 => 1, <= 8 => 2, <= 13 => 3, _ => 4 }
            : null;
}

/// <summary>The PLOVER event types (PLOVER manual 2.0, chapter 3) and their quad classes.</summary>
public static class PloverTypes
{
    /// <summary>The type given to a coded event whose code has no PLOVER equivalent (CAMEO 01, or a user dictionary's own code).</summary>
    public const string Other = "OTHER";

    public static readonly IReadOnlyList<string> All =
    [
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
        "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    ];

    public static int? QuadClass(string type) => type switch
    {
        "AGREE" or "CONSULT" or "SUPPORT" or "CONCEDE" => 1,
        "COOPERATE" or "AID" or "RETREAT" => 2,
        "REQUEST" or "ACCUSE" or "REJECT" or "THREATEN" => 3,
        "PROTEST" or "SANCTION" or "MOBILIZE" or "COERCE" or "ASSAULT" => 4,
        _ => null,
    };

    public static bool IsKnown(string type) => QuadClass(type) is not null;

    /// <summary>
    /// Maps the categories of earlier PLOVER drafts (used by the PLOVER example records) onto the 2.0 categories:
    /// DEMAND became REQUEST, DISAPPROVE and INVESTIGATE became ACCUSE, FIGHT merged into ASSAULT.
    /// </summary>
    public static string FromDraft(string type) => type.ToUpperInvariant() switch
    {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" or "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        var t => t,
    };
}

/// <summary>
/// The CAMEO codebook with each code's PLOVER type, mode, context and Goldstein value, read from the
/// table Parley ships (Events/Codebook/cameo-plover.tsv).
/// </summary>
public sealed class EventCodebook
{
    private readonly FrozenDictionary<string, CodeInfo> _codes;

    private EventCodebook(FrozenDictionary<string, CodeInfo> codes) => _codes = codes;

    public static EventCodebook Default { get; } = Load();

    public int Count => _codes.Count;

    public IEnumerable<CodeInfo> Codes => _codes.Values.OrderBy(c => c.Code, StringComparer.Ordinal);

    /// <summary>True when <paramref name="code"/> is a CAMEO code listed in the table.</summary>
    public bool Contains(string code) => _codes.ContainsKey(code);

    /// <summary>
    /// The information for <paramref name="code"/>, or for its nearest listed parent when the code itself is
    /// not listed (a 4-digit code Parley's table leaves out). Null for codes outside CAMEO.
    /// </summary>
    public CodeInfo? Lookup(string? code)
    {
        if (string.IsNullOrEmpty(code) || !IsCameoShaped(code))
        {
            return null;
        }

        if (_codes.TryGetValue(code, out var info))
        {
            return info;
        }

        for (int length = code.Length - 1; length >= 2; length--)
        {
            if (_codes.TryGetValue(code[..length], out var parent) || (length == 2 && _codes.TryGetValue(code[..2] + "0", out parent)))
            {
                return parent with { Code = code };
            }
        }

        return null;
    }

    private static bool IsCameoShaped(string code)
    {
        if (code.Length is < 2 or > 4)
        {
            return false;
        }

        foreach (char c in code)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        int root = (code[0] - '0') * 10 + (code[1] - '0');
        return root is >= 1 and <= 20;
    }

    private static EventCodebook Load()
    {
        using var stream = typeof(EventCodebook).Assembly.GetManifestResourceStream("Parley.Events.cameo-plover.tsv")
            ?? throw new ParleyException(ErrorCode.ModelMissing, "the CAMEO/PLOVER table is not embedded in this build");
        using var reader = new StreamReader(stream);
        var codes = new Dictionary<string, CodeInfo>(StringComparer.Ordinal);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length < 6)
            {
                throw new ParleyException(ErrorCode.ModelFormat, $"cameo-plover.tsv: bad line '{line}'");
            }

            codes[f[0]] = new CodeInfo(f[0], Dash(f[2]), Dash(f[3]), Dash(f[4]), double.Parse(f[1], CultureInfo.InvariantCulture), f[5]);
        }

        return new EventCodebook(codes.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static string? Dash(string s) => s == "-" ? null : s;
}
