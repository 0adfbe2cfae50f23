using Parley.Storage;

namespace Parley.Tests.Storage;

/// <summary>The store contract against a real PostgreSQL server, each test in a schema of its own.</summary>
public sealed class PostgresStoreTests : StoreContractTests
{
    private PostgresDocumentStore? _pg;

    protected override IDocumentStore CreateStore()
    {
        _pg = PostgresDocumentStore.Open(TestServices.RequirePostgres(), TestServices.UniqueSchema("parley_test"));
        return _pg;
    }

    public override void Dispose()
    {
        _pg?.DropSchema();
        base.Dispose();
    }
}
