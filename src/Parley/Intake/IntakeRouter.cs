using Parley.Documents;

namespace Parley.Intake;

/// <summary>
/// Picks the intake for an input by looking at its content (not its file name), after undoing gzip.
/// Plain text is the fallback, so anything decodable as text can be read.
/// </summary>
public sealed class IntakeRouter
{
    private const int SniffLength = 4096;
    private readonly IDocumentIntake[] _intakes;

    public IntakeRouter(IEnumerable<IDocumentIntake> intakes, IntakeOptions options)
    {
        Options = options;
        var list = intakes.ToList();
        if (!list.Any(i => i.Format == PlainTextIntake.FormatName))
        {
            list.Add(new PlainTextIntake());
        }

        _intakes = [.. list];
    }

    public IntakeOptions Options { get; }

    public IReadOnlyList<IDocumentIntake> Intakes => _intakes;

    public NewsDocument Read(DocumentInput input)
    {
        byte[] bytes = input.Bytes;
        if (bytes.Length > Options.MaxInputBytes)
        {
            throw new ParleyException(ErrorCode.InputTooLarge, $"{input.Id} is {bytes.Length:N0} bytes; the limit is {Options.MaxInputBytes:N0}");
        }

        if (DocumentInput.IsGzip(bytes))
        {
            bytes = DocumentInput.Gunzip(bytes, Options.MaxInputBytes, input.Id);
        }

        if (IsBlank(bytes))
        {
            throw new ParleyException(ErrorCode.EmptyInput, $"{input.Id} is empty");
        }

        var head = bytes.AsSpan(0, Math.Min(bytes.Length, SniffLength));
        IDocumentIntake best = _intakes.First(i => i.Format == PlainTextIntake.FormatName);
        int bestScore = 0;
        foreach (var intake in _intakes)
        {
            int score = intake.Sniff(head, input);
            if (score > bestScore)
            {
                best = intake;
                bestScore = score;
            }
        }

        var document = best.Read(input, bytes, Options);
        document.Metadata.Format ??= best.Format;
        document.Metadata.Source ??= input.Id;
        document.Metadata.Url ??= input.Url;
        document.Metadata.Published ??= input.Published;
        document.Metadata.Language ??= LanguageGuesser.Guess(document.Text);
        foreach (var layer in Pipeline.Layer.FromIntake)
        {
            document.Layers.Add(layer);
        }

        return document;
    }

    private static bool IsBlank(byte[] bytes)
    {
        foreach (byte b in bytes)
        {
            if (b is not (0x20 or 0x09 or 0x0a or 0x0d or 0x0c or 0x0b))
            {
                // A lone BOM is blank too.
                return bytes.Length <= 4 && Decoding.TextDecoder.HasOnlyBom(bytes);
            }
        }

        return true;
    }
}
