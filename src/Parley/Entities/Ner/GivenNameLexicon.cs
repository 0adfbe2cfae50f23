using System.Reflection;

namespace Parley.Entities.Ner;

/// <summary>Common given names (Data/given-names.txt): a capitalised word that matches may begin a person's name.</summary>
public sealed class GivenNameLexicon : INameLexicon
{
    private static readonly Lazy<HashSet<string>> Names = new(Load);

    public string Name => "given-names/1";

    public void Find(IReadOnlyList<string> words, List<LexiconMatch> matches)
    {
        var names = Names.Value;
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (w.Length > 1 && char.IsUpper(w[0]) && names.Contains(w))
            {
                matches.Add(new LexiconMatch(i, i + 1, "GIVEN-NAME"));
            }
        }
    }

    private static HashSet<string> Load()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Parley.Entities.Ner.Data.given-names.txt")
            ?? throw new InvalidOperationException("the given-names resource is missing from the build");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            foreach (var name in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                set.Add(name);
            }
        }

        return set;
    }
}
