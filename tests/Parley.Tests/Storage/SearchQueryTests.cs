using Parley.Storage;
using Xunit;

namespace Parley.Tests.Storage;

public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("Lavrov Clinton", "(\"lavrov\") AND (\"clinton\")")]
    [InlineData("\"new treaty\"", "(\"new treaty\")")]
    [InlineData("sanctions OR embargo talks", "(\"sanctions\" OR \"embargo\") AND (\"talks\")")]
    [InlineData("Lavrov -Clinton", "(\"lavrov\") NOT \"clinton\"")]
    [InlineData("negotiat*", "(\"negotiat\"*)")]
    [InlineData("U.S. talks", "(\"u s\") AND (\"talks\")")]
    [InlineData("ЛАВРОВ", "(\"лавров\")")]
    [InlineData("a NEAR(b) \"c\" d:e", "(\"a\") AND (\"near b\") AND (\"c\") AND (\"d e\")")]
    [InlineData("Lavrov - Clinton", "(\"lavrov\") AND (\"clinton\")")]
    public void Queries_become_quoted_fts5_terms(string query, string fts5) => Assert.Equal(fts5, SearchQuery.Parse(query).ToFts5());

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("\"unclosed phrase", "not closed")]
    [InlineData("OR Lavrov", "OR needs")]
    [InlineData("Lavrov OR", "OR needs")]
    [InlineData("a OR OR b", "OR needs")]
    [InlineData("-Lavrov", "only excludes")]
    [InlineData("-a OR b", "OR")]
    [InlineData("a OR -b", "cannot be one side of OR")]
    [InlineData("!!! ???", "no words")]
    [InlineData("\"\"", "no words")]
    [InlineData("a*b", "only at the end")]
    [InlineData("x*", "at least 2 letters")]
    [InlineData("***", "only at the end")]
    [InlineData("a\u0000b", "control character")]
    public void Malformed_queries_say_what_is_wrong(string query, string message)
    {
        var e = Assert.Throws<ParleyException>(() => SearchQuery.Parse(query));
        Assert.Equal(ErrorCode.BadQuery, e.Code);
        Assert.Contains(message, e.Message);
        Assert.StartsWith("[P040] bad query", e.Message);
    }

    [Fact]
    public void Huge_queries_are_refused_quickly()
    {
        var e = Assert.Throws<ParleyException>(() => SearchQuery.Parse(new string('a', 100_000)));
        Assert.Contains("limit is 512", e.Message);
        e = Assert.Throws<ParleyException>(() => SearchQuery.Parse(string.Join(' ', Enumerable.Repeat("w", 30))));
        Assert.Contains("more than 24 terms", e.Message);
    }

    [Fact]
    public void Optional_query_may_be_absent() => Assert.Null(SearchQuery.ParseOptional("  "));
}
