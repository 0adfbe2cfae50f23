using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Parley.Storage;
using Parley.Tests.Storage;
using Parley.Web;
using Xunit;

namespace Parley.Tests.Web;

public sealed class WorkspaceApiTests : IAsyncLifetime
{
    private WorkspaceServer _server = null!;

    private HttpClient Client => _server.Client;

    public async Task InitializeAsync() => _server = await WorkspaceServer.StartAsync(s => s.PutBatch(SampleArticles.All()));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<JsonElement> Json(string url)
    {
        var response = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Articles_list_is_paged_and_filtered()
    {
        var page = await Json("/api/articles?pageSize=2");
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.Equal(4, page.GetProperty("total").GetInt64());
        Assert.True(page.GetProperty("hasMore").GetBoolean());
        var filtered = await Json("/api/articles?country=RUS&from=2009-04");
        Assert.Equal("Lavrov warns against new sanctions", filtered.GetProperty("items")[0].GetProperty("title").GetString());
        Assert.Equal(1, filtered.GetProperty("total").GetInt64());
        Assert.Equal(1, (await Json("/api/articles?eventType=consult")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Search_returns_plain_snippets_with_highlight_ranges()
    {
        var page = await Json("/api/search?q=treaty&speaker=Sergei%20Lavrov");
        var hit = Assert.Single(page.GetProperty("items").EnumerateArray());
        string snippet = hit.GetProperty("snippet").GetString()!;
        var range = hit.GetProperty("highlights")[0];
        Assert.Equal("treaty", snippet.Substring(range[0].GetInt32(), range[1].GetInt32()));
        Assert.DoesNotContain('\uE000', snippet);
    }

    [Theory]
    [InlineData("/api/search?q=%22open")]
    [InlineData("/api/search?q=OR")]
    [InlineData("/api/search?q=")]
    [InlineData("/api/search")]
    [InlineData("/api/search?q=-only")]
    [InlineData("/api/search?q=a*b")]
    [InlineData("/api/quotes?q=%22x")]
    [InlineData("/api/articles?from=yesterday")]
    [InlineData("/api/articles?to=2009-02-30")]
    [InlineData("/api/articles?pageSize=1000")]
    [InlineData("/api/articles?page=0")]
    [InlineData("/api/articles?page=999999")]
    [InlineData("/api/articles?page=abc")]
    [InlineData("/?q=%22open")]
    [InlineData("/?page=x")]
    public async Task Malformed_requests_get_a_clear_400(string url)
    {
        var response = await Client.GetAsync(url);
        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("SQLite", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Npgsql", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", body);
    }

    [Fact]
    public async Task Bad_query_problem_says_what_is_wrong()
    {
        var response = await Client.GetAsync("/api/search?q=%22unclosed");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Contains("[P040] bad query: a quotation mark", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Random_queries_never_make_a_server_error()
    {
        var random = new Random(11);
        const string alphabet = "ab \"-*OR():^'\\;&|!<>{}%_NEAR+,.é日";
        for (int i = 0; i < 150; i++)
        {
            var q = new string(Enumerable.Range(0, random.Next(1, 14)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            foreach (var path in new[] { "/api/search?q=", "/api/quotes?q=", "/?q=" })
            {
                var response = await Client.GetAsync(path + Uri.EscapeDataString(q));
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{path}{q} gave {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task Oversized_query_strings_and_values_are_refused()
    {
        Assert.Equal(HttpStatusCode.RequestUriTooLong, (await Client.GetAsync("/api/search?q=" + new string('a', 10_000))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/api/search?q=" + new string('a', 600))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/api/articles?speaker=" + new string('a', 300))).StatusCode);
    }

    [Fact]
    public async Task One_article_carries_its_full_document()
    {
        string id = SampleArticles.Geneva().ContentHash;
        var article = await Json($"/api/articles/{id}");
        Assert.Equal(id, article.GetProperty("id").GetString());
        var document = article.GetProperty("document");
        Assert.Equal(2, document.GetProperty("quotes").GetArrayLength());
        Assert.Equal(Parley.Documents.DocumentJson.Serialize(SampleArticles.Geneva()), document.GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/articles/ffffffffffffffff")).StatusCode);
    }

    [Fact]
    public async Task Quotes_entities_and_entity_detail()
    {
        var quotes = await Json("/api/quotes?speaker=Hillary%20Clinton");
        Assert.Equal(2, quotes.GetProperty("total").GetInt64());
        Assert.Equal("We need a new approach,", quotes.GetProperty("items")[0].GetProperty("text").GetString());

        var entities = await Json("/api/entities?name=serg");
        var lavrov = entities.GetProperty("items")[0];
        long id = lavrov.GetProperty("id").GetInt64();
        var detail = await Json($"/api/entities/{id}");
        Assert.Equal("RUS", detail.GetProperty("entity").GetProperty("country").GetString());
        Assert.Equal(4, detail.GetProperty("coMentions").GetProperty("items").GetArrayLength());
        var second = await Json($"/api/entities/{id}/co-mentions?page=2&pageSize=3");
        Assert.Single(second.GetProperty("items").EnumerateArray());
        Assert.Equal(4, second.GetProperty("total").GetInt64());
        Assert.Equal(2, detail.GetProperty("timeline").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/entities/999999")).StatusCode);
        Assert.Equal(3, (await Json("/api/event-types")).GetArrayLength());
    }

    [Fact]
    public async Task OpenApi_document_describes_the_api()
    {
        var doc = await Json("/openapi/v1.json");
        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString());
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/articles", "/api/articles/{id}", "/api/search", "/api/quotes", "/api/entities", "/api/entities/{id}" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path + " is not described");
        }

        var search = paths.GetProperty("/api/search").GetProperty("get").GetProperty("parameters");
        Assert.Contains(search.EnumerateArray(), p => p.GetProperty("name").GetString() == "pageSize");
    }

    [Fact]
    public async Task Writing_is_off_without_an_api_key()
    {
        var response = await Client.PostAsJsonAsync("/api/articles", new ArticlePost(null, null, "Title\n\nBody text.", null));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Writing_needs_the_right_key_and_respects_the_body_limit()
    {
        await using var server = await WorkspaceServer.StartAsync(apiKey: "s3cret-key", maxBody: 64 * 1024);
        var post = new ArticlePost("https://news.example/p", null, "Posted report\n\nThe committee met on Monday.", "2009-05-04");
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.PostAsJsonAsync("/api/articles", post)).StatusCode);

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = JsonContent.Create(post) };
        request.Headers.Add(WorkspaceApi.ApiKeyHeader, "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.SendAsync(request)).StatusCode);

        request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = JsonContent.Create(post) };
        request.Headers.Add(WorkspaceApi.ApiKeyHeader, "s3cret-key");
        var ok = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("added", JsonDocument.Parse(await ok.Content.ReadAsStringAsync()).RootElement.GetProperty("outcome").GetString());
        Assert.Equal(1, server.Store.CountDocuments());

        request = new HttpRequestMessage(HttpMethod.Post, "/api/articles")
        {
            Content = new StringContent(JsonSerializer.Serialize(new ArticlePost(null, null, new string('x', 100_000), null)), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WorkspaceApi.ApiKeyHeader, "s3cret-key");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await server.Client.SendAsync(request)).StatusCode);

        request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = new StringContent("{not json", Encoding.UTF8, "application/json") };
        request.Headers.Add(WorkspaceApi.ApiKeyHeader, "s3cret-key");
        Assert.Equal(HttpStatusCode.BadRequest, (await server.Client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Pages_render_and_carry_security_headers()
    {
        var lavrov = (await Json("/api/entities?name=sergei")).GetProperty("items")[0].GetProperty("id").GetInt64();
        foreach (var url in new[] { "/", "/?q=Lavrov", "/?kind=quotes&speaker=Sergei+Lavrov", $"/articles/{SampleArticles.Geneva().ContentHash}",
                     $"/speakers/{lavrov}", $"/entities/{lavrov}", "/entities?type=PER", "/assets/lib/chart.js/chart.umd.min.js", "/assets/app.js" })
        {
            var response = await Client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            Assert.Equal(WorkspaceApp.Csp, response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/articles/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/assets/../WorkspaceApp.cs")).StatusCode);
    }

    [Fact]
    public async Task Article_page_marks_quotes_entities_dates_and_lists_flags()
    {
        string html = await Client.GetStringAsync($"/articles/{SampleArticles.Geneva().ContentHash}");
        Assert.Contains("class=\"quote quote-direct\"", html);
        Assert.Contains("class=\"speaker\"", html);
        Assert.Contains(">Sergei Lavrov</a>", html);
        Assert.Contains("class=\"entity ent-PER\"", html);
        Assert.Contains("class=\"date\" title=\"DATE 2009-03-06\"", html);
        Assert.Contains("glued-sentence", html);
        Assert.Contains("a missing space was restored", html);
    }

    [Fact]
    public void Default_address_is_loopback() => Assert.StartsWith("http://127.0.0.1:", WorkspaceOptions.DefaultUrl);
}
