using Microsoft.AspNetCore.Builder;
using Parley.Storage;
using Parley.Web;

namespace Parley.Tests.Web;

/// <summary>The workspace on real Kestrel at a free loopback port, over a SQLite store in a temporary folder.</summary>
internal sealed class WorkspaceServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WorkspaceServer(string dir, IDocumentStore store, WebApplication app)
    {
        Directory = dir;
        Store = store;
        _app = app;
        BaseUrl = WorkspaceApp.Address(app).TrimEnd('/');
        Client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
    }

    public string Directory { get; }

    public IDocumentStore Store { get; }

    public string BaseUrl { get; }

    public HttpClient Client { get; }

    public static async Task<WorkspaceServer> StartAsync(Action<IDocumentStore>? fill = null, string? apiKey = null, bool csp = true,
        long maxBody = 4 * 1024 * 1024, IDocumentStore? store = null, string? dir = null)
    {
        dir ??= System.IO.Directory.CreateTempSubdirectory("parley-web-").FullName;
        store ??= SqliteDocumentStore.Open(Path.Combine(dir, "store.db"));
        fill?.Invoke(store);
        var app = WorkspaceApp.Create(new WorkspaceOptions
        {
            Store = store, ApiKey = apiKey, ContentSecurityPolicy = csp, MaxRequestBodyBytes = maxBody, AnyLoopbackPort = true,
        });
        await app.StartAsync();
        return new WorkspaceServer(dir, store, app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Store.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A browser may still hold a file for a moment; the folder is temporary anyway.
        }
    }
}
