namespace Parley.Entities.Ner;

/// <summary>
/// Words that announce a person next to them: titles ("Mr", "Ms", "President") and verbs of saying and thinking
/// ("said", "explains"). The recogniser sees them as features of the neighbouring words, so it can learn that an
/// unknown capitalised word after "Mr" or before "said" is probably a person, whatever the word is.
/// </summary>
public sealed class CueWordLexicon : INameLexicon
{
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr.", "Prof", "Prof.", "Sir", "Dame", "Lord", "Lady", "President",
        "Senator", "Sen.", "Rep.", "Gov.", "Governor", "Minister", "Secretary", "Chancellor", "Premier", "King", "Queen", "Prince",
        "Princess", "Pope", "General", "Gen.", "Colonel", "Col.", "Captain", "Capt.", "Judge", "Justice", "Mayor", "Ambassador",
        "Rev.", "Reverend", "Father", "Sister", "Brother", "Uncle", "Aunt", "Coach", "Officer", "Sgt.", "Lt.", "Mme", "Herr",
    };

    private static readonly HashSet<string> Speech = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "say", "told", "tells", "explained", "explains", "added", "adds", "noted", "notes", "stated", "states",
        "argued", "argues", "wrote", "writes", "thought", "thinks", "believes", "believed", "insisted", "insists", "claimed",
        "claims", "asked", "asks", "replied", "replies", "recalled", "recalls", "warned", "warns", "announced", "announces",
        "admitted", "admits", "stressed", "stresses", "suggested", "suggests", "commented", "comments", "continued", "continues",
    };

    public string Name => "cue-words/1";

    public void Find(IReadOnlyList<string> words, List<LexiconMatch> matches)
    {
        for (int i = 0; i < words.Count; i++)
        {
            if (Titles.Contains(words[i]) && char.IsUpper(words[i][0]))
            {
                matches.Add(new LexiconMatch(i, i + 1, "TITLE"));
            }
            else if (Speech.Contains(words[i]))
            {
                matches.Add(new LexiconMatch(i, i + 1, "SPEECH"));
            }
        }
    }
}
