using Parley.Documents;
using Parley.Entities.Ner;
using Parley.Pipeline;

namespace Parley.Entities;

/// <summary>
/// Finds the names of people, organisations and places (PER, ORG, LOC) sentence by sentence with the trained
/// <see cref="NerModel"/> and adds them to <see cref="NewsDocument.Mentions"/> with <see cref="MentionKind.Name"/>.
/// It reads only tokens and sentences, so it runs after any tokenizer.
/// </summary>
public sealed class EntityRecognizer : IDocumentComponent
{
    public const string ModelFileName = "ner-en.pmodel";

    /// <summary>Longest sentence (in tokens) decoded whole; longer runs are decoded in pieces so time stays linear.</summary>
    public const int MaxSentenceTokens = 400;

    private static readonly Lazy<NerModel?> DefaultModel = new(() => ModelLocator.Find(ModelFileName) is { } path ? NerModelFile.Load(path, DefaultLexicons()) : null);

    private readonly NerModel _model;

    public EntityRecognizer(NerModel model)
    {
        _model = model;
    }

    public string Name => "entity-recognizer";

    public IReadOnlyList<string> Requires { get; } = [Layer.Sentences, Layer.Tokens];

    public IReadOnlyList<string> Assigns { get; } = [Layer.Mentions];

    /// <summary>The lexicons the shipped model reads, in the order it was trained with.</summary>
    public static IReadOnlyList<INameLexicon> DefaultLexicons() => [new GivenNameLexicon()];

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
        var tokens = document.Tokens;
        var words = new List<string>();
        foreach (var sentence in document.Sentences)
        {
            for (int start = sentence.FirstToken; start < sentence.EndToken; start += MaxSentenceTokens)
            {
                int end = Math.Min(sentence.EndToken, start + MaxSentenceTokens);
                words.Clear();
                for (int i = start; i < end; i++)
                {
                    words.Add(document.Token(i).Form);
                }

                foreach (var span in _model.Predict(words))
                {
                    var first = tokens[start + span.Start];
                    var last = tokens[start + span.End - 1];
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
}
