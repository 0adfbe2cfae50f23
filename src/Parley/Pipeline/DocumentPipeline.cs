using System.Diagnostics;
using Parley.Documents;
using Parley.Intake;

namespace Parley.Pipeline;

/// <summary>
/// A frozen, ordered pipeline: intake, then each component. Safe to share between threads as long as
/// its components are (they hold read-only models and keep per-call state on the stack).
/// </summary>
public sealed class DocumentPipeline
{
    private readonly IDocumentComponent[] _components;
    private readonly long[] _ticks;

    internal DocumentPipeline(IntakeRouter intake, IDocumentComponent[] components)
    {
        Intake = intake;
        _components = components;
        _ticks = new long[components.Length + 1];
    }

    public IntakeRouter Intake { get; }

    public IReadOnlyList<IDocumentComponent> Components => Array.AsReadOnly(_components);

    /// <summary>Every layer the pipeline fills.</summary>
    public IEnumerable<string> Assigns => Layer.FromIntake.Concat(_components.SelectMany(c => c.Assigns));

    /// <summary>Reads and analyses one input. Throws <see cref="ParleyException"/> for bad input.</summary>
    public NewsDocument Process(DocumentInput input)
    {
        long t0 = Stopwatch.GetTimestamp();
        var document = Intake.Read(input);
        Interlocked.Add(ref _ticks[0], Stopwatch.GetTimestamp() - t0);
        Run(document);
        return document;
    }

    /// <summary>Runs the components on a document that an intake has already read.</summary>
    public void Run(NewsDocument document)
    {
        for (int i = 0; i < _components.Length; i++)
        {
            var component = _components[i];
            long t0 = Stopwatch.GetTimestamp();
            try
            {
                component.Process(document);
            }
            catch (ParleyException)
            {
                throw;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new ParleyException(ErrorCode.ComponentFailed, $"'{component.Name}': {e.GetType().Name}: {e.Message}", e);
            }

            Interlocked.Add(ref _ticks[i + 1], Stopwatch.GetTimestamp() - t0);
            foreach (var layer in component.Assigns)
            {
                document.Layers.Add(layer);
            }
        }
    }

    /// <summary>
    /// Processes many inputs, one result per input in order. A failing input is reported with its id and
    /// reason; the others go on.
    /// </summary>
    public IEnumerable<DocumentResult> ProcessBatch(IEnumerable<DocumentInput> inputs)
    {
        foreach (var input in inputs)
        {
            NewsDocument? document = null;
            string? error = null;
            ErrorCode? code = null;
            try
            {
                document = Process(input);
            }
            catch (ParleyException e)
            {
                error = e.Message;
                code = e.Code;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                error = Errors.Format(ErrorCode.ComponentFailed, $"{e.GetType().Name}: {e.Message}");
                code = ErrorCode.ComponentFailed;
            }

            yield return new DocumentResult(input.Id, document, error, code);
        }
    }

    /// <summary>Time spent so far in the intake and in each component, for benchmarks.</summary>
    public IReadOnlyList<(string Name, TimeSpan Time)> Timings()
    {
        var result = new List<(string, TimeSpan)> { ("intake", Stopwatch.GetElapsedTime(0, Volatile.Read(ref _ticks[0]))) };
        for (int i = 0; i < _components.Length; i++)
        {
            result.Add((_components[i].Name, Stopwatch.GetElapsedTime(0, Volatile.Read(ref _ticks[i + 1]))));
        }

        return result;
    }
}

/// <summary>The outcome for one input of a batch: a document, or the reason it failed.</summary>
public sealed record DocumentResult(string Id, NewsDocument? Document, string? Error, ErrorCode? Code)
{
    public bool Succeeded => Document is not null;
}
