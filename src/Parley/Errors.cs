namespace Parley;

/// <summary>
/// The catalogue of Parley's errors. Each code has one meaning; messages say what was wrong,
/// where, and what to do. The code appears in messages as "[P0xx]".
/// </summary>
public enum ErrorCode
{
    EmptyInput = 1,
    BinaryInput = 2,
    UndecodableText = 3,
    InputTooLarge = 4,
    MalformedInput = 5,
    NotFound = 6,
    UnreadableInput = 7,
    PipelineOrder = 10,
    PipelineDuplicate = 11,
    ComponentFailed = 12,
    ModelFormat = 20,
    ModelMissing = 21,
    DataMissing = 30,
    BadQuery = 40,
    Usage = 50,
    StoreUnavailable = 60,
    StoreVersion = 61,
}

public static class Errors
{
    /// <summary>The catalogue: a short title for each code, used as the start of every message.</summary>
    public static string Title(ErrorCode code) => code switch
    {
        ErrorCode.EmptyInput => "empty input: there is no text to analyse",
        ErrorCode.BinaryInput => "binary input: this looks like binary data, not text or HTML",
        ErrorCode.UndecodableText => "undecodable text: the character encoding could not be determined",
        ErrorCode.InputTooLarge => "input too large",
        ErrorCode.MalformedInput => "malformed input",
        ErrorCode.NotFound => "not found",
        ErrorCode.UnreadableInput => "the input could not be read",
        ErrorCode.PipelineOrder => "pipeline order: a component requires a layer that no earlier component assigns",
        ErrorCode.PipelineDuplicate => "pipeline: two components assign the same layer",
        ErrorCode.ComponentFailed => "a pipeline component failed",
        ErrorCode.ModelFormat => "model format: the model file is not one this version of Parley can read",
        ErrorCode.ModelMissing => "model missing",
        ErrorCode.DataMissing => "data missing",
        ErrorCode.BadQuery => "bad query",
        ErrorCode.Usage => "usage error",
        ErrorCode.StoreUnavailable => "the document store cannot be opened",
        ErrorCode.StoreVersion => "the document store was written by a newer Parley",
        _ => "error",
    };

    public static string Format(ErrorCode code, string detail) =>
        $"[P{(int)code:D3}] {Title(code)}{(string.IsNullOrEmpty(detail) ? "" : ": " + detail)}";
}

/// <summary>An expected failure with a catalogued code and a message meant for the user.</summary>
public sealed class ParleyException : Exception
{
    public ParleyException(ErrorCode code, string detail, Exception? inner = null)
        : base(Errors.Format(code, detail), inner)
    {
        Code = code;
        Detail = detail;
    }

    public ErrorCode Code { get; }

    public string Detail { get; }
}
