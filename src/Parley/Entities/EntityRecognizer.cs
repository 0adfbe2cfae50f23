using Parley.Documents;
using Parley.Entities.Ner;
using Parley.Pipeline;

namespace Parley.Entities;

/// <summary>
/// Fills <see cref="NewsDocument.Mentions"/>, in text order:
/// <list type="bullet">
/// <item><see cref="MentionKind.Name"/>: names of people, organisations and places (PER, ORG, LOC) found sentence by
/// sentence by the trained <see cref="NerModel"/>; names that world knowledge knows and the model missed (LOC, ORG);
/// nationalities (NORP: "Russian", "Americans").</item>
/// <item><see cref="MentionKind.Nominal"/>: descriptions of a person by office ("the Russian Minister", "the head of
/// the Russian foreign Ministry"), type PER. An office title directly before a name ("Russian foreign Minister Sergei
/// Lavrov") is part of that person's description, not a mention of its own.</item>
/// <item><see cref="MentionKind.Pronoun"/>: he, him, his, himself, she, her, hers, herself (type PER).</item>
/// </list>
/// A nominal may contain a name mention ("U.S." in "U.S. Secretary of state"); no other mentions overlap.
/// It reads only tokens and sentences, so it runs after any tokenizer.
/// </summary>
public sealed class EntityRecognizer : IDocumentComponent
{
    public const string ModelFileName = "ner-en.pmodel";

    /// <summary>Longest sentence (in tokens) decoded whole; longer runs are decoded in pieces so time stays linear.</summary>
    public const int MaxSentenceTokens = 400;

    private static readonly Lazy<NerModel?> DefaultModel = new(() => ModelLocator.Find(ModelFileName) is { } path ? NerModelFile.Load(path, DefaultLexicons()) : null);

    private static readonly Dictionary<string, string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["he"] = "PER", ["him"] = "PER", ["his"] = "PER", ["himself"] = "PER",
        ["she"] = "PER", ["her"] = "PER", ["hers"] = "PER", ["herself"] = "PER",
    };

    private readonly NerModel _model;
    private readonly IWorldKnowledge _knowledge;

    public EntityRecognizer(NerModel model, IWorldKnowledge? knowledge = null)
    {
        _model = model;
        _knowledge = knowledge ?? NoWorldKnowledge.Instance;
    }

    public string Name => "entity-recognizer";

    public IReadOnlyList<string> Requires { get; } = [Layer.Sentences, Layer.Tokens];

    public IReadOnlyList<string> Assigns { get; } = [Layer.Mentions];

    /// <summary>The lexicons the shipped model reads, in the order it was trained with.</summary>
    public static IReadOnlyList<INameLexicon> DefaultLexicons() =>
        [new GivenNameLexicon(), new CueWordLexicon(), new GazetteerLexicon(Gazetteer.WorldGazetteer.Default)];

    /// <summary>The world knowledge the shipped components read.</summary>
    public static IWorldKnowledge DefaultKnowledge() => GazetteerKnowledge.Instance;

    /// <summary>The shipped model, or null when models/ has none.</summary>
    public static NerModel? TryLoadDefault() => DefaultModel.Value;

    /// <summary>The model at <paramref name="path"/>, or the shipped one; a clear error when there is none.</summary>
    public static NerModel LoadModel(string? path)
    {
        if (path is not null)
        {
            return NerModelFile.Load(path, DefaultLexicons());
        }

        return TryLoadDefault() ?? throw new ParleyException(ErrorCode.ModelMissing,
            $"no {ModelFileName} in models/ (set PARLEY_MODELS to its folder, or build it with 'parley train ner')");
    }

    public void Process(NewsDocument document)
    {
        document.Mentions.Clear();
        AddModelNames(document);
        AddRuleMentions(document, _knowledge);
    }

    /// <summary>
    /// Adds what rules find around the name mentions already in the document: names world knowledge knows, office
    /// descriptions and pronouns; then sorts the mentions into text order.
    /// </summary>
    public static void AddRuleMentions(NewsDocument document, IWorldKnowledge knowledge)
    {
        var known = knowledge.Find(document);
        AddKnownNames(document, known);
        AddRolesAndPronouns(document, knowledge, known);
        document.Mentions.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
    }

    /// <summary>True for the words "he", "she" and their other forms.</summary>
    public static bool IsPersonalPronoun(string word) => Pronouns.ContainsKey(word);

    private static void AddKnownNames(NewsDocument document, IReadOnlyList<KnownName> known)
    {
        // Where world knowledge names exactly what the model found, it knows the type better ("Hezbollah" is an organisation).
        var knownAt = new Dictionary<(int, int), KnownName>();
        foreach (var k in known)
        {
            knownAt.TryAdd((k.Start, k.Length), k);
        }

        foreach (var m in document.Mentions)
        {
            if (knownAt.TryGetValue((m.Start, m.Length), out var k))
            {
                m.Type = k.Kind switch
                {
                    KnownKind.Organisation => "ORG",
                    KnownKind.Country or KnownKind.City or KnownKind.Region or KnownKind.Area => "LOC",
                    KnownKind.Nationality => "NORP",
                    _ => m.Type,
                };
            }
        }

        var names = new SpanSet(document.Mentions);
        foreach (var k in known)
        {
            if (names.Overlaps(k.Start, k.End) || !char.IsUpper(document.Text[k.Start]))
            {
                continue;
            }

            string type = k.Kind switch
            {
                KnownKind.Nationality => "NORP",
                KnownKind.Organisation or KnownKind.Government => "ORG",
                _ => "LOC",
            };
            document.Mentions.Add(new Mention { Start = k.Start, Length = k.Length, Type = type, Kind = MentionKind.Name });
        }
    }

    private static void AddRolesAndPronouns(NewsDocument document, IWorldKnowledge knowledge, IReadOnlyList<KnownName> known)
    {
        var names = new SpanSet(document.Mentions);
        var namesByStart = new Dictionary<int, Mention>();
        foreach (var m in document.Mentions)
        {
            namesByStart.TryAdd(m.Start, m);
        }

        foreach (var phrase in RolePhrases.Find(document, knowledge, known))
        {
            if (IsTitle(document, phrase, namesByStart) || (!phrase.Definite && phrase.Country is null))
            {
                continue;
            }

            // A description may hold a place or nationality ("U.S." in "U.S. Secretary of state") but not cut a name
            // in two, and not hold a person's name.
            bool crossesName = false;
            foreach (var m in names.Overlapping(phrase.Start, phrase.End))
            {
                bool inside = m.Start >= phrase.Start && m.Start + m.Length <= phrase.End;
                crossesName |= !inside || m.Type == "PER";
            }

            if (!crossesName)
            {
                document.Mentions.Add(new Mention { Start = phrase.Start, Length = phrase.End - phrase.Start, Type = "PER", Kind = MentionKind.Nominal });
            }
        }

        for (int i = 0; i < document.Tokens.Count; i++)
        {
            var token = document.Token(i);
            if (Pronouns.TryGetValue(token.Form, out var type) && !names.Overlaps(token.Span.Start, token.Span.End))
            {
                document.Mentions.Add(new Mention { Start = token.Span.Start, Length = token.Span.Length, Type = type, Kind = MentionKind.Pronoun });
            }
        }
    }

    /// <summary>A role phrase directly before a person's name is the name's title ("Russian foreign Minister Sergei Lavrov").</summary>
    private static bool IsTitle(NewsDocument document, RolePhrase phrase, Dictionary<int, Mention> namesByStart) =>
        phrase.EndToken < document.Tokens.Count
        && namesByStart.TryGetValue(document.Tokens[phrase.EndToken].Start, out var m) && m.Type == "PER" && m.Kind == MentionKind.Name;

    private void AddModelNames(NewsDocument document)
    {
        var tokens = document.Tokens;
        var pieces = new List<IReadOnlyList<string>>();
        var firstTokens = new List<int>();
        foreach (var sentence in document.Sentences)
        {
            for (int start = sentence.FirstToken; start < sentence.EndToken; start += MaxSentenceTokens)
            {
                int end = Math.Min(sentence.EndToken, start + MaxSentenceTokens);
                var words = new string[end - start];
                for (int i = start; i < end; i++)
                {
                    words[i - start] = document.Token(i).Form;
                }

                pieces.Add(words);
                firstTokens.Add(start);
            }
        }

        var predicted = _model.PredictDocument(pieces);
        for (int p = 0; p < pieces.Count; p++)
        {
            foreach (var span in predicted[p])
            {
                var first = tokens[firstTokens[p] + span.Start];
                var last = tokens[firstTokens[p] + span.End - 1];
                document.Mentions.Add(new Mention
                {
                    Start = first.Start,
                    Length = last.Start + last.Length - first.Start,
                    Type = span.Type,
                    Kind = MentionKind.Name,
                });
            }
        }
    }
}
