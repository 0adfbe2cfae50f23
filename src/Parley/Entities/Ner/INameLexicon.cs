namespace Parley.Entities.Ner;

/// <summary>A run of words [Start, End) that a lexicon knows, with the lexicon's category ("COUNTRY", "CITY", "IGO", "GIVEN-NAME").</summary>
public readonly record struct LexiconMatch(int Start, int End, string Category);

/// <summary>
/// Name lists the recogniser reads as features (gazetteer matches). The recogniser learns how much to trust each
/// category, so a lexicon only says what the words could be, never what they are. A model must be used with the
/// lexicons it was trained with: their <see cref="Name"/>s are recorded in the model's manifest.
/// </summary>
public interface INameLexicon
{
    /// <summary>A short stable name with a version ("given-names/1").</summary>
    string Name { get; }

    /// <summary>Adds every match in the sentence to <paramref name="matches"/>; overlapping matches are allowed.</summary>
    void Find(IReadOnlyList<string> words, List<LexiconMatch> matches);
}
