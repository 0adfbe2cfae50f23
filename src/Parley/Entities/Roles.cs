namespace Parley.Entities;

/// <summary>
/// Words that describe a person by office ("the Russian foreign minister", "U.S. Secretary of State", "the head of the
/// Russian foreign ministry") and the CAMEO sector each office belongs to.
/// </summary>
public static class Roles
{
    /// <summary>Office nouns and their sector. Compounds are formed with <see cref="Modifiers"/> and "of" phrases.</summary>
    public static readonly IReadOnlyDictionary<string, string> Heads = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["minister"] = "GOV", ["secretary"] = "GOV", ["president"] = "GOV", ["premier"] = "GOV", ["chancellor"] = "GOV",
        ["ambassador"] = "GOV", ["envoy"] = "GOV", ["diplomat"] = "GOV", ["spokesman"] = "GOV", ["spokeswoman"] = "GOV",
        ["spokesperson"] = "GOV", ["official"] = "GOV", ["governor"] = "GOV", ["mayor"] = "GOV", ["king"] = "GOV", ["queen"] = "GOV",
        ["emir"] = "GOV", ["negotiator"] = "GOV", ["head"] = "GOV", ["leader"] = "GOV", ["vice-president"] = "GOV",
        ["secretary-general"] = "IGO", ["senator"] = "LEG", ["lawmaker"] = "LEG", ["legislator"] = "LEG", ["congressman"] = "LEG",
        ["congresswoman"] = "LEG", ["general"] = "MIL", ["commander"] = "MIL", ["colonel"] = "MIL", ["admiral"] = "MIL",
        ["judge"] = "JUD", ["prosecutor"] = "JUD",
    };

    /// <summary>Words that can stand before an office noun and belong to the role ("foreign", "prime", "deputy").</summary>
    public static readonly IReadOnlySet<string> Modifiers = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "foreign", "defence", "defense", "interior", "finance", "economy", "trade", "energy", "justice", "health", "education",
        "prime", "vice", "deputy", "former", "top", "senior", "chief", "acting", "state", "assistant", "first", "interim",
        "opposition", "rebel", "army", "military", "security", "nuclear", "chief", "lead",
    };

    /// <summary>Modifiers that describe the person, not the office, so they are left out of the role.</summary>
    private static readonly HashSet<string> Transient = new(StringComparer.OrdinalIgnoreCase) { "former", "top", "senior", "acting", "interim", "lead" };

    /// <summary>Nouns naming the body a "head of ..." leads ("the head of the foreign ministry").</summary>
    public static readonly IReadOnlyDictionary<string, string> Bodies = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["ministry"] = "GOV", ["department"] = "GOV", ["government"] = "GOV", ["delegation"] = "GOV", ["diplomacy"] = "GOV",
        ["administration"] = "GOV", ["cabinet"] = "GOV", ["agency"] = "GOV", ["service"] = "GOV", ["state"] = "GOV",
        ["council"] = "GOV", ["parliament"] = "LEG", ["senate"] = "LEG", ["army"] = "MIL", ["forces"] = "MIL", ["military"] = "MIL",
        ["navy"] = "MIL", ["opposition"] = "OPP", ["rebels"] = "REB", ["court"] = "JUD", ["defense"] = "GOV", ["defence"] = "GOV",
    };

    /// <summary>The role in plain lower case, without transient words: "foreign Minister" → "foreign minister".</summary>
    public static string Normalise(IEnumerable<string> words)
    {
        var kept = words.Where(w => !Transient.Contains(w)).Select(w => w.ToLowerInvariant());
        string role = string.Join(' ', kept);

        // "head of the foreign ministry" is the foreign minister.
        if (role.StartsWith("head of ", StringComparison.Ordinal) && role.EndsWith(" ministry", StringComparison.Ordinal))
        {
            string field = role["head of ".Length..^" ministry".Length].Replace("the ", "", StringComparison.Ordinal).Trim();
            return field.Length == 0 ? "minister" : field + " minister";
        }

        return role.Replace("head of the ", "head of ", StringComparison.Ordinal);
    }

    /// <summary>The sector of a normalised role: the head noun's, or the body's for "head of ...".</summary>
    public static string? SectorOf(string role)
    {
        var words = role.Split(' ');
        int of = Array.IndexOf(words, "of");
        string head = of > 0 ? words[of - 1] : words[^1];
        if (head == "head" && of > 0)
        {
            foreach (var w in words[(of + 1)..])
            {
                if (Bodies.TryGetValue(w, out var body))
                {
                    return body;
                }
            }
        }

        if (words.Contains("opposition"))
        {
            return "OPP";
        }

        if (words.Contains("rebel"))
        {
            return "REB";
        }

        return Heads.TryGetValue(head, out var sector) ? sector : null;
    }

    /// <summary>The office noun of a role ("foreign minister" → "minister", "secretary of state" → "secretary").</summary>
    public static string HeadOf(string role)
    {
        var words = role.Split(' ');
        int of = Array.IndexOf(words, "of");
        return of > 0 ? words[of - 1] : words[^1];
    }

    /// <summary>True when a role said later ("the minister", "the Secretary") can describe a holder of <paramref name="role"/>.</summary>
    public static bool Compatible(string later, string role)
    {
        if (later == role)
        {
            return true;
        }

        string head = HeadOf(later);
        if (head == "head" && later.Contains("ministry", StringComparison.Ordinal))
        {
            return HeadOf(role) == "minister";
        }

        return head == HeadOf(role) && later.Split(' ').All(w => w is "of" or "the" || role.Contains(w, StringComparison.Ordinal));
    }
}
