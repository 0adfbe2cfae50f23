using Parley.Storage;

namespace Parley.Tests.Storage;

public sealed class SqliteStoreTests : StoreContractTests
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-store-").FullName;

    protected override IDocumentStore CreateStore() => SqliteDocumentStore.Open(Path.Combine(_dir, "test.db"));

    public override void Dispose()
    {
        base.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
