using Microsoft.Data.Sqlite;
using Parley.Intake;
using Parley.Pipeline;
using Parley.Storage;
using Xunit;

namespace Parley.Tests.Events;

/// <summary>Events are stored with their document and can be filtered by type in the workspace.</summary>
public sealed class EventStorageTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "parley-event-store-" + Guid.NewGuid().ToString("N"));

    public EventStorageTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Stored_documents_are_filtered_by_event_type()
    {
        var pipeline = ParleyPipelines.CreateDefault();
        var sanctions = pipeline.Process(DocumentInput.FromText("a.txt", "Sanctions\n\nThe United States imposed new sanctions on Iran on Friday."));
        var meeting = pipeline.Process(DocumentInput.FromText("b.txt", "Talks\n\nThe meeting between Russia and China took place in Beijing."));
        Assert.Contains(sanctions.Events, e => e.Type == "SANCTION");
        Assert.Contains(meeting.Events, e => e.Type == "CONSULT");

        using var store = SqliteDocumentStore.Open(Path.Combine(_dir, "s.db"));
        store.PutBatch([sanctions, meeting]);
        var types = store.EventTypes().ToDictionary(t => t.Type, t => t.Count);
        Assert.True(types.ContainsKey("SANCTION") && types.ContainsKey("CONSULT"), string.Join(", ", types.Keys));
        var hits = store.ListArticles(new ArticleFilter { EventType = "sanction" }, new PageRequest()).Items;
        Assert.Equal("Sanctions", Assert.Single(hits).Title);
        var stored = store.GetDocument(sanctions.ContentHash)!.Document;
        Assert.Equal(sanctions.Events.Count, stored.Events.Count);
    }
}
