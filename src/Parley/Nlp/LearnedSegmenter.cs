using Parley.Documents;
using Parley.Nlp.Learning;
using Parley.Nlp.Tokenization;
using Parley.Pipeline;

namespace Parley.Nlp;

/// <summary>
/// Tokens and sentences from the trained tokenizer (UD conventions, multi-word tokens split into their
/// words). Sentences never cross a title, heading or paragraph boundary.
/// </summary>
public sealed class LearnedSegmenter : IDocumentComponent
{
    private readonly NlpModel _model;

    public LearnedSegmenter(NlpModel model)
    {
        _model = model;
    }

    public string Name => "segmenter";

    public IReadOnlyList<string> Requires { get; } = [Layer.Text, Layer.Sections];

    public IReadOnlyList<string> Assigns { get; } = [Layer.Sentences, Layer.Tokens];

    public void Process(NewsDocument document)
    {
        document.Tokens.Clear();
        document.Sentences.Clear();
        var buffer = new SegmentBuffer();
        var features = new FeatureBuffer();
        string text = document.Text;
        foreach (var block in RuleSegmenter.Blocks(document))
        {
            _model.Tokenizer.Segment(text, block.Start, block.End, buffer, features);
            int first = 0;
            foreach (int end in buffer.SentenceEnds)
            {
                AddSentence(document, buffer.Tokens, first, end);
                first = end;
            }
        }
    }

    private static void AddSentence(NewsDocument document, List<SegmentedToken> tokens, int first, int end)
    {
        if (end <= first)
        {
            return;
        }

        var layer = document.Tokens;
        int index = document.Sentences.Count;
        int firstWord = layer.Count;
        for (int t = first; t < end; t++)
        {
            var token = tokens[t];
            if (token.IsMultiword)
            {
                layer.Add(new TokenData(token.Start, token.Split) { Sentence = index, MultiwordParts = 2 });
                layer.Add(new TokenData(token.Start + token.Split, token.End - token.Start - token.Split) { Sentence = index });
            }
            else
            {
                layer.Add(new TokenData(token.Start, token.End - token.Start) { Sentence = index });
            }
        }

        int start = tokens[first].Start;
        document.Sentences.Add(new SentenceData(start, tokens[end - 1].End - start, firstWord, layer.Count - firstWord));
    }
}
