using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Parley.Documents;
using Parley.Pipeline;

namespace Parley.Storage;

/// <summary>How far an ingest has come.</summary>
public sealed record IngestProgress(long Done, long Total, long Added, long Replaced, long Unchanged, long Failed, TimeSpan Elapsed)
{
    /// <summary>Inputs per second so far.</summary>
    public double Rate => Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;

    /// <summary>Estimated time left at the current rate, or null before there is a rate.</summary>
    public TimeSpan? Eta => Rate > 0 && Total >= Done ? TimeSpan.FromSeconds((Total - Done) / Rate) : null;
}

/// <summary>
/// Reads, analyses and stores inputs. Documents are written in small batches, one transaction each, so
/// a crash loses at most the batch in flight and never leaves half a document. An input whose raw bytes
/// were stored before with the same layers is skipped without analysis.
/// </summary>
public sealed class Ingestor
{
    private readonly IDocumentStore _store;
    private readonly DocumentPipeline _pipeline;
    private readonly string _pipelineLayers;

    public Ingestor(IDocumentStore store, DocumentPipeline pipeline)
    {
        _store = store;
        _pipeline = pipeline;
        _pipelineLayers = string.Join(',', pipeline.Assigns.Distinct().Order(StringComparer.Ordinal));
    }

    /// <summary>Documents per transaction.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>A batch is written at the latest after this long, so progress is durable on slow inputs too.</summary>
    public TimeSpan MaxBatchDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Called for each input that fails, with its id and the message.</summary>
    public Action<string, string>? OnFailure { get; init; }

    public IngestProgress Run(IReadOnlyList<IngestSource> sources, Action<IngestProgress>? progress = null, CancellationToken cancel = default)
    {
        long total = sources.Sum(s => (long)s.Count);
        long done = 0, added = 0, replaced = 0, unchanged = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        var batch = new List<NewsDocument>(BatchSize);
        var raws = new List<(string RawHash, string DocumentId)>(BatchSize);
        var batchClock = Stopwatch.StartNew();

        IngestProgress Snapshot() => new(done, Math.Max(total, done), added, replaced, unchanged, failed, clock.Elapsed);

        void Flush()
        {
            if (batch.Count == 0)
            {
                return;
            }

            foreach (var outcome in _store.PutBatch(batch))
            {
                switch (outcome)
                {
                    case PutOutcome.Added: added++; break;
                    case PutOutcome.Replaced: replaced++; break;
                    default: unchanged++; break;
                }
            }

            _store.RememberRaw(raws);
            done += batch.Count;
            batch.Clear();
            raws.Clear();
            batchClock.Restart();
            progress?.Invoke(Snapshot());
        }

        void Fail(string id, string message)
        {
            failed++;
            done++;
            OnFailure?.Invoke(id, message);
        }

        foreach (var source in sources)
        {
            using var items = SafeEnumerate(source).GetEnumerator();
            while (true)
            {
                cancel.ThrowIfCancellationRequested();
                IngestItem? item;
                try
                {
                    if (!items.MoveNext())
                    {
                        break;
                    }

                    item = items.Current;
                }
                catch (ParleyException e)
                {
                    Fail(source.Path, e.Message);
                    break;
                }

                try
                {
                    if (item.LoadAnalysed is { } analysed)
                    {
                        batch.Add(analysed());
                    }
                    else
                    {
                        var input = item.LoadInput!();
                        string raw = RawHash(input);
                        if (_store.ContainsRaw(raw, _pipelineLayers))
                        {
                            unchanged++;
                            done++;
                        }
                        else
                        {
                            var document = _pipeline.Process(input);
                            batch.Add(document);
                            raws.Add((raw, document.ContentHash));
                        }
                    }
                }
                catch (ParleyException e)
                {
                    Fail(item.Id, e.Message);
                }
                catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
                {
                    Fail(item.Id, Errors.Format(ErrorCode.ComponentFailed, $"{e.GetType().Name}: {e.Message}"));
                }

                if (batch.Count >= BatchSize || (batch.Count > 0 && batchClock.Elapsed >= MaxBatchDelay))
                {
                    Flush();
                }
                else if (batch.Count == 0 && batchClock.Elapsed >= MaxBatchDelay)
                {
                    batchClock.Restart();
                    progress?.Invoke(Snapshot());
                }
            }
        }

        Flush();
        var final = Snapshot();
        progress?.Invoke(final);
        return final;
    }

    /// <summary>A hash of what the intake sees: the bytes and the caller's URL and date.</summary>
    public static string RawHash(Intake.DocumentInput input)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(input.Bytes);
        sha.AppendData(Encoding.UTF8.GetBytes("\u0000" + input.Url + "\u0000" + input.Published + "\u0000" + input.MediaType));
        return Convert.ToHexStringLower(sha.GetHashAndReset().AsSpan(0, 16));
    }

    private static IEnumerable<IngestItem> SafeEnumerate(IngestSource source)
    {
        IEnumerable<IngestItem> items;
        try
        {
            items = source.Items();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ParleyException(ErrorCode.UnreadableInput, $"{source.Path}: {e.Message}", e);
        }

        return Wrap(items, source.Path);
    }

    private static IEnumerable<IngestItem> Wrap(IEnumerable<IngestItem> items, string path)
    {
        using var e = items.GetEnumerator();
        while (true)
        {
            try
            {
                if (!e.MoveNext())
                {
                    yield break;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Xml.XmlException)
            {
                throw new ParleyException(ErrorCode.UnreadableInput, $"{path}: {ex.Message}", ex);
            }

            yield return e.Current;
        }
    }
}
