using System.Reflection;

namespace Parley.Entities.Ner;

/// <summary>The usual sex of bearers of a given name, for matching "he" and "she".</summary>
public enum NameSex : byte
{
    Unknown,
    Male,
    Female,
}

/// <summary>Common given names (Data/given-names.txt): a capitalised word that matches may begin a person's name.</summary>
public sealed class GivenNameLexicon : INameLexicon
{
    private static readonly Lazy<Dictionary<string, NameSex>> Names = new(Load);

    /// <summary>The usual sex of the given name's bearers; Unknown for names not listed or used for both.</summary>
    public static NameSex SexOf(string givenName) => Names.Value.GetValueOrDefault(givenName);

    public static bool IsGivenName(string word) => Names.Value.ContainsKey(word);

    public string Name => "given-names/1";

    public void Find(IReadOnlyList<string> words, List<LexiconMatch> matches)
    {
        var names = Names.Value;
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (w.Length > 1 && char.IsUpper(w[0]) && names.ContainsKey(w))
            {
                matches.Add(new LexiconMatch(i, i + 1, "GIVEN-NAME"));
            }
        }
    }

    private static Dictionary<string, NameSex> Load()
    {
        var set = new Dictionary<string, NameSex>(StringComparer.Ordinal);
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Parley.Entities.Ner.Data.given-names.txt")
            ?? throw new InvalidOperationException("the given-names resource is missing from the build");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length < 3 || line[1] != ':')
            {
                continue;
            }

            var sex = line[0] switch { 'M' => NameSex.Male, 'F' => NameSex.Female, _ => NameSex.Unknown };
            foreach (var name in line[2..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                // A name listed under both sexes is ambiguous.
                set[name] = set.TryGetValue(name, out var before) && before != sex ? NameSex.Unknown : sex;
            }
        }

        return set;
    }
}
