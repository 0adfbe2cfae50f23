using Parley.Documents;
using Parley.Pipeline;

namespace Parley.Time;

/// <summary>
/// Finds temporal expressions and normalises them to TIMEX3 (type DATE, TIME, DURATION or SET; value) relative
/// to the document date, filling <see cref="NewsDocument.TimeExpressions"/>.
/// <para>
/// It reads only the text and the sentence and token spans, so it works with any tokenizer. Expressions are
/// found sentence by sentence (<see cref="TimexRecognizer"/>), the document date is found (<see cref="DocumentDates"/>:
/// dateline, publication date or a date line; a dateline's missing year is inferred from the text and marked),
/// and each expression is resolved in text order (<see cref="TimexResolver"/>). An expression whose value rests on
/// an inferred year has <see cref="TimeExpression.Inferred"/> set. The result depends on the document alone, never
/// on the current clock: without a document date, relative values stay underspecified ("XXXX-WXX-5").
/// </para>
/// </summary>
public sealed class TimexTagger : IDocumentComponent
{
    public string Name => "timex";

    public IReadOnlyList<string> Requires { get; } = [Layer.Text, Layer.Metadata, Layer.Sentences, Layer.Tokens];

    public IReadOnlyList<string> Assigns { get; } = [Layer.TimeExpressions];

    public void Process(NewsDocument document)
    {
        var found = Find(document);
        var anchor = DocumentDates.Find(document, found);
        var resolver = new TimexResolver(anchor);
        var result = new List<TimeExpression>(found.Count);
        foreach (var f in found)
        {
            var r = resolver.Resolve(f.Meaning, f.Tense);
            result.Add(new TimeExpression
            {
                Start = f.Start,
                Length = f.End - f.Start,
                Type = r.Type,
                Value = r.Value,
                Mod = r.Mod,
                Inferred = r.UsesAnchorYear && anchor.YearInferred,
            });
        }

        document.TimeExpressions = result;
    }

    /// <summary>Every expression of the document, in text order, with the tense around it.</summary>
    internal static List<FoundTimex> Find(NewsDocument document)
    {
        var found = new List<FoundTimex>();
        var atoms = new List<Atom>();
        var hits = new List<TimexHit>();
        var tokens = document.Tokens.AsSpan();
        string text = document.Text;
        for (int s = 0; s < document.Sentences.Count; s++)
        {
            var sentence = document.Sentences[s];
            if (sentence.TokenCount == 0 || sentence.FirstToken + sentence.TokenCount > tokens.Length)
            {
                continue;
            }

            AtomSplitter.Split(text, tokens.Slice(sentence.FirstToken, sentence.TokenCount), sentence.FirstToken, atoms);
            hits.Clear();
            TimexRecognizer.Recognize(text, atoms, hits);
            int words = hits.Count > 0 ? CountWords(atoms, 0, atoms.Count) : 0;
            foreach (var h in hits)
            {
                found.Add(new FoundTimex(
                    atoms[h.First].Start,
                    atoms[h.End - 1].End,
                    h.Meaning,
                    TenseCues.Estimate(text, atoms, h.First, h.End),
                    s,
                    CountWords(atoms, h.First, h.End) == words));
            }
        }

        return found;
    }

    /// <summary>Words and numbers among atoms [first, end): a date line holds no others than its date's.</summary>
    private static int CountWords(List<Atom> atoms, int first, int end)
    {
        int n = 0;
        for (int i = first; i < end; i++)
        {
            if (atoms[i].Kind is AtomKind.Word or AtomKind.Number)
            {
                n++;
            }
        }

        return n;
    }
}
