using Microsoft.Playwright;
using Parley.Cli;
using Parley.Documents;
using Parley.Storage;
using Parley.Tests.Storage;
using Xunit;

namespace Parley.Tests.Web;

/// <summary>
/// The workspace in headless Chromium (Debian's chromium, driven by Playwright without downloading a browser).
/// Skips with the install hint when Chromium is missing.
/// </summary>
public sealed class BrowserTests
{
    private static readonly string[] ChromiumArgs = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"];

    private static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        string chromium = TestServices.RequireChromium();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = ChromiumArgs });
        return (playwright, browser);
    }

    private static string ScreenshotPath(string name)
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    [SkippableFact]
    public async Task Analyst_ingests_searches_opens_an_article_and_follows_a_speaker()
    {
        var (playwright, browser) = await LaunchAsync();
        string dir = Directory.CreateTempSubdirectory("parley-e2e-").FullName;
        string db = Path.Combine(dir, "workspace.db");

        // Ingest through the real command: the bundled samples (and the repository's samples/ when present),
        // plus hand-annotated reports as Parley JSON Lines, since the quote and entity components are not in this build.
        string annotated = Path.Combine(dir, "annotated.jsonl");
        File.WriteAllLines(annotated, SampleArticles.All().Select(d => DocumentJson.Serialize(d)));
        var inputs = new List<string> { Path.Combine(AppContext.BaseDirectory, "Web", "Samples"), annotated };
        if (Directory.Exists(Path.Combine(TestData.RepoRoot, "samples")))
        {
            inputs.Add(Path.Combine(TestData.RepoRoot, "samples"));
        }

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int rc = ParleyCli.Run(["ingest", .. inputs, "--store", db], stdout, stderr, () => Stream.Null);
        Assert.True(rc == 0, stderr.ToString());
        Assert.Contains("ingest: ", stderr.ToString());

        await using var server = await WorkspaceServer.StartAsync(store: SqliteDocumentStore.Open(db), dir: dir);
        try
        {
            var page = await browser.NewPageAsync();
            var errors = new List<string>();
            page.PageError += (_, e) => errors.Add(e);
            page.Console += (_, m) =>
            {
                if (m.Type == "error")
                {
                    errors.Add(m.Text);
                }
            };

            await page.GotoAsync(server.BaseUrl + "/");
            Assert.Contains("Search reports", await page.InnerTextAsync("h1"));

            // A bundled sample is found by full-text search.
            await page.FillAsync("#q", "breakwater");
            await page.ClickAsync("#search-button");
            Assert.Contains("Northern harbour reopens", await page.InnerTextAsync("ol.results"));

            // Search, open the article, follow the speaker link.
            await page.FillAsync("#q", "treaty");
            await page.ClickAsync("#search-button");
            Assert.Contains("treaty", await page.InnerTextAsync("ol.results mark"));
            await page.ClickAsync("ol.results a.article-link");
            await page.WaitForSelectorAsync("article h1.title");
            Assert.Contains("Foreign ministers agree", await page.InnerTextAsync("article h1.title"));
            Assert.Equal(2, await page.Locator("article span.quote").CountAsync());
            Assert.True(await page.Locator("article a.entity.ent-PER").CountAsync() >= 4);
            Assert.True(await page.Locator("article span.date").CountAsync() >= 3);
            Assert.Contains("glued-sentence", await page.InnerTextAsync("section.flags"));

            await page.ClickAsync("article a.speaker:text('Sergei Lavrov')");
            await page.WaitForSelectorAsync("h1.speaker-name");
            Assert.Equal("Sergei Lavrov", await page.InnerTextAsync("h1.speaker-name"));
            string quotes = await page.InnerTextAsync("ol.quotes");
            Assert.True(quotes.IndexOf("new treaty", StringComparison.Ordinal) < quotes.IndexOf("dead end", StringComparison.Ordinal), "quotes are not in date order");
            await page.WaitForSelectorAsync("canvas#speaker-timeline[data-drawn='true']");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("speaker.png"), FullPage = true });

            // The entity page draws its timeline and lists co-mentioned entities.
            await page.ClickAsync("a:text('entity page')");
            await page.WaitForSelectorAsync("canvas#entity-timeline[data-drawn='true']");
            Assert.Contains("Hillary Clinton", await page.InnerTextAsync("ul.co-mentions"));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("entity.png"), FullPage = true });
            Assert.True(File.Exists(ScreenshotPath("speaker.png")));
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    /// <summary>
    /// Reports carrying script in every field that is shown. Escaping alone must stop them, so the server runs
    /// here without its Content-Security-Policy; a test below checks the policy is sent normally.
    /// </summary>
    [SkippableFact]
    public async Task Script_in_articles_never_runs()
    {
        var (playwright, browser) = await LaunchAsync();
        const string Script = "<script>window.__xss=(window.__xss||0)+1;alert(1)</script>";
        const string Img = "<img src=x onerror=\"window.__xss=(window.__xss||0)+1\">";
        const string Link = "javascript:window.__xss=(window.__xss||0)+1";
        var hostile = ArticleBuilder.Article(
                $"Breaking {Script} news {Img}",
                $"The envoy {Img} arrived. <a href=\"{Link}\">click</a> <svg onload=\"window.__xss=1\"></svg>",
                $"\"Peace {Script} now {Img},\" said Evil{Img}Envoy at the summit.")
            .Published("2009-05-01").Url(Link).Source($"feed {Img}")
            .Entity($"Evil{Img}Envoy", "PER", "X\"><script>window.__xss=1</script>", null)
            .Entity("summit", "LOC")
            .Quote($"Peace {Script} now {Img},", $"Evil{Img}Envoy", cue: "said")
            .Date("arrived", "2009-05-01\"><script>window.__xss=1</script>")
            .Event("CONSULT\"><img src=x onerror=alert(1)>", $"Evil{Img}Envoy")
            .Flag("mojibake", Script, Img)
            .Build();

        await using var server = await WorkspaceServer.StartAsync(s => s.PutBatch([hostile, SampleArticles.Geneva()]), csp: false);
        try
        {
            var page = await browser.NewPageAsync();
            int dialogs = 0;
            page.Dialog += async (_, d) =>
            {
                dialogs++;
                await d.DismissAsync();
            };

            long speaker = server.Store.ListEntities(new EntityFilter { NamePrefix = "evil" }, new PageRequest()).Items.Single().Id;
            string[] urls =
            [
                "/", "/?q=breaking", "/?q=peace&kind=quotes", $"/articles/{hostile.ContentHash}", $"/speakers/{speaker}", $"/entities/{speaker}",
                "/entities", "/?eventType=" + Uri.EscapeDataString(hostile.Events[0].Type), "/?q=" + Uri.EscapeDataString(Script),
            ];
            foreach (var url in urls)
            {
                await page.GotoAsync(server.BaseUrl + url);
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                Assert.Equal("undefined", await page.EvaluateAsync<string>("typeof window.__xss"));
                Assert.Equal(0, await page.EvaluateAsync<int>("document.querySelectorAll('[onerror],[onload],svg,img,iframe').length"));
                Assert.Equal(0, await page.EvaluateAsync<int>("[...document.querySelectorAll('a[href]')].filter(a => !a.href.startsWith(location.origin) && !a.href.startsWith('https://')).length"));
                Assert.Equal(0, await page.EvaluateAsync<int>("[...document.scripts].filter(s => !s.src.startsWith(location.origin + '/assets/')).length"));
            }

            // The payloads are shown as text, not dropped.
            await page.GotoAsync(server.BaseUrl + $"/articles/{hostile.ContentHash}");
            Assert.Contains("<script>", await page.InnerTextAsync("article h1.title"));
            Assert.Contains("onerror", await page.InnerTextAsync("article span.quote"));
            Assert.Contains(Link, await page.InnerTextAsync("aside"));

            // Clicking everything clickable in the article runs nothing either.
            foreach (var link in await page.Locator("article a").AllAsync())
            {
                await link.ClickAsync(new LocatorClickOptions { Modifiers = [KeyboardModifier.Control] });
            }

            Assert.Equal("undefined", await page.EvaluateAsync<string>("typeof window.__xss"));
            Assert.Equal(0, dialogs);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("hostile-article.png"), FullPage = true });
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }
}
