using Parley.Documents;
using Parley.Storage;
using Xunit;

namespace Parley.Tests.Storage;

/// <summary>What every store must do; run once per store by the derived classes.</summary>
public abstract class StoreContractTests : IDisposable
{
    private IDocumentStore? _store;

    protected IDocumentStore Store => _store ??= CreateStore();

    protected abstract IDocumentStore CreateStore();

    public virtual void Dispose()
    {
        _store?.Dispose();
        GC.SuppressFinalize(this);
    }

    protected IDocumentStore Loaded()
    {
        Store.PutBatch(SampleArticles.All());
        return Store;
    }

    [SkippableFact]
    public void Stored_document_round_trips_every_layer()
    {
        var doc = SampleArticles.Geneva();
        Assert.Equal([PutOutcome.Added], Store.PutBatch([doc]));
        var stored = Store.GetDocument(doc.ContentHash);
        Assert.NotNull(stored);
        Assert.Equal(DocumentJson.Serialize(doc), DocumentJson.Serialize(stored.Document));
        Assert.Equal("2009-03-06", stored.Date);
        Assert.Null(Store.GetDocument("0000000000000000"));
    }

    [SkippableFact]
    public void Reingesting_the_same_content_is_idempotent()
    {
        var all = SampleArticles.All();
        Assert.All(Store.PutBatch(all), o => Assert.Equal(PutOutcome.Added, o));
        Assert.All(Store.PutBatch(SampleArticles.All()), o => Assert.Equal(PutOutcome.Unchanged, o));
        Assert.Equal(all.Length, Store.CountDocuments());
        var lavrov = Store.ListEntities(new EntityFilter { NamePrefix = "sergei" }, new PageRequest()).Items.Single();
        Assert.Equal(2, lavrov.Documents);
        Assert.Equal(2, lavrov.Quotes);

        // The same text analysed with more layers replaces the stored one, and counts stay right.
        var richer = SampleArticles.Geneva();
        richer.Layers.Add("dependencies");
        Assert.Equal([PutOutcome.Replaced], Store.PutBatch([richer]));
        Assert.Equal(all.Length, Store.CountDocuments());
        lavrov = Store.GetEntity(lavrov.Id)!;
        Assert.Equal(2, lavrov.Documents);
        Assert.Equal(2, lavrov.Quotes);
        Assert.Equal(2, Store.SearchArticles(SearchQuery.Parse("Lavrov"), ArticleFilter.None, new PageRequest()).Total);
    }

    [SkippableFact]
    public void Duplicates_inside_one_batch_are_stored_once()
    {
        Assert.Equal([PutOutcome.Added, PutOutcome.Unchanged], Store.PutBatch([SampleArticles.Moscow(), SampleArticles.Moscow()]));
        Assert.Equal(1, Store.CountDocuments());
    }

    [SkippableTheory]
    [InlineData("Lavrov", 2)]
    [InlineData("negotiation", 1)]           // stemmed: "negotiations" in the text
    [InlineData("\"dead end\"", 1)]
    [InlineData("\"end dead\"", 0)]
    [InlineData("Geneva OR Afghanistan", 2)]
    [InlineData("Lavrov -sanctions", 1)]
    [InlineData("negot*", 1)]
    [InlineData("snow", 1)]
    [InlineData("NATO allies", 1)]
    [InlineData("zzzqqq", 0)]
    public void Full_text_search_finds_articles(string query, int expected)
    {
        var page = Loaded().SearchArticles(SearchQuery.Parse(query), ArticleFilter.None, new PageRequest());
        Assert.Equal(expected, page.Items.Count);
        Assert.Equal(expected, page.Total);
    }

    [SkippableFact]
    public void Search_ranks_title_matches_first_and_marks_snippets()
    {
        var page = Loaded().SearchArticles(SearchQuery.Parse("sanctions"), ArticleFilter.None, new PageRequest());
        Assert.Equal("Lavrov warns against new sanctions", page.Items[0].Article.Title);
        Assert.Contains(SearchMarks.StartText, page.Items[0].Snippet);
        Assert.True(page.Items[0].Score > 0);
    }

    [SkippableTheory]
    [InlineData("speaker", "Sergei Lavrov", 2)]
    [InlineData("speaker", "hillary  CLINTON", 2)]
    [InlineData("entity", "NATO", 1)]
    [InlineData("entity", "Tehran", 1)]
    [InlineData("country", "RUS", 2)]
    [InlineData("country", "afg", 1)]
    [InlineData("eventType", "CONSULT", 1)]
    [InlineData("eventType", "appeal", 1)]
    [InlineData("from", "2009-03-06", 2)]
    [InlineData("to", "2009-03", 3)]
    [InlineData("to", "2008", 1)]
    public void Filters_restrict_articles(string field, string value, int expected)
    {
        var filter = field switch
        {
            "speaker" => new ArticleFilter { Speaker = value },
            "entity" => new ArticleFilter { Entity = value },
            "country" => new ArticleFilter { Country = value },
            "eventType" => new ArticleFilter { EventType = value },
            "from" => new ArticleFilter { From = value },
            _ => new ArticleFilter { To = value },
        };
        Assert.Equal(expected, Loaded().ListArticles(filter, new PageRequest()).Total);
    }

    [SkippableFact]
    public void Filters_combine_with_search()
    {
        Loaded();
        var hits = Store.SearchArticles(SearchQuery.Parse("new"), new ArticleFilter { Speaker = "Hillary Clinton", From = "2009-03-06" }, new PageRequest());
        Assert.Equal("Foreign ministers agree to restart talks in Geneva", Assert.Single(hits.Items).Article.Title);
    }

    [SkippableFact]
    public void Speaker_quotes_come_in_date_order_with_their_articles()
    {
        Loaded();
        var lavrov = Store.ListEntities(new EntityFilter { NamePrefix = "Sergei L" }, new PageRequest()).Items.Single();
        var quotes = Store.ListQuotes(null, new ArticleFilter { SpeakerId = lavrov.Id }, new PageRequest());
        Assert.Equal(["We have agreed to work on a new treaty,", "Sanctions are a dead end,"], quotes.Items.Select(q => q.Text));
        Assert.Equal(["2009-03-06", "2009-04-20"], quotes.Items.Select(q => q.Date));
        Assert.All(quotes.Items, q => Assert.Equal("Sergei Lavrov", q.Speaker));

        var found = Store.ListQuotes(SearchQuery.Parse("approach"), ArticleFilter.None, new PageRequest());
        Assert.Equal("Hillary Clinton", Assert.Single(found.Items).Speaker);
        Assert.Equal(2, Store.ListQuotes(SearchQuery.Parse("clinton"), ArticleFilter.None, new PageRequest()).Total);
    }

    [SkippableFact]
    public void Entities_have_co_mentions_and_a_timeline()
    {
        Loaded();
        var clinton = Store.ListEntities(new EntityFilter { NamePrefix = "hillary" }, new PageRequest()).Items.Single();
        Assert.Equal("USA", clinton.Country);
        Assert.Equal(2, clinton.Documents);
        var page = Store.CoMentions(clinton.Id, new PageRequest(1, 3));
        Assert.Equal(4, page.Total);
        Assert.True(page.HasMore);
        Assert.Single(Store.CoMentions(clinton.Id, new PageRequest(2, 3)).Items);
        var co = Store.CoMentions(clinton.Id, new PageRequest()).Items;
        Assert.Equal(4, co.Count);
        Assert.All(co, c => Assert.Equal(1, c.SharedDocuments));
        Assert.Contains(co, c => c.Entity.Name == "Sergei Lavrov");
        Assert.Equal([new TimelinePoint("2009-03", 2, 2)], Store.Timeline(clinton.Id));

        var lavrov = Store.ListEntities(new EntityFilter { NamePrefix = "sergei" }, new PageRequest()).Items.Single();
        Assert.Equal([new TimelinePoint("2009-03", 1, 1), new TimelinePoint("2009-04", 1, 1)], Store.Timeline(lavrov.Id));
    }

    [SkippableFact]
    public void Entity_filters_by_type_and_country()
    {
        Loaded();
        Assert.Equal(2, Store.ListEntities(new EntityFilter { Type = "per" }, new PageRequest()).Total);
        Assert.Equal(["Moscow", "Sergei Lavrov"], Store.ListEntities(new EntityFilter { Country = "rus" }, new PageRequest()).Items.Select(e => e.Name).Order());
        Assert.Equal(new[] { "APPEAL", "CONSULT", "THREATEN" }, Store.EventTypes().Select(e => e.Type).Order());
    }

    [SkippableFact]
    public void Every_list_is_paged()
    {
        Loaded();
        var first = Store.ListArticles(ArticleFilter.None, new PageRequest(1, 3));
        var second = Store.ListArticles(ArticleFilter.None, new PageRequest(2, 3));
        Assert.Equal(3, first.Items.Count);
        Assert.True(first.HasMore);
        Assert.Equal(4, first.Total);
        Assert.Single(second.Items);
        Assert.False(second.HasMore);
        Assert.Empty(first.Items.Select(a => a.Id).Intersect(second.Items.Select(a => a.Id)));
        Assert.Equal(["2009-04-20", "2009-03-06", "2009-03-05"], first.Items.Select(a => a.Date));

        Assert.Single(Store.ListQuotes(null, ArticleFilter.None, new PageRequest(2, 3)).Items);
        Assert.Equal(4, Store.ListQuotes(null, ArticleFilter.None, new PageRequest(1, 3)).Total);
        Assert.Equal(7, Store.ListEntities(new EntityFilter(), new PageRequest(1, 5)).Total);
        Assert.Equal(2, Store.ListEntities(new EntityFilter(), new PageRequest(2, 5)).Items.Count);
        Assert.Equal(2, Store.SearchArticles(SearchQuery.Parse("Lavrov"), ArticleFilter.None, new PageRequest(2, 1)).Total);
    }

    [SkippableTheory]
    [InlineData("NEAR(a b)")]
    [InlineData("a AND")]
    [InlineData("title:x")]
    [InlineData("'; DROP TABLE documents; --")]
    [InlineData("\\\"x\"")]
    [InlineData("ab:* & !b")]
    [InlineData("^x")]
    [InlineData("((( a")]
    [InlineData("a NOT b")]
    [InlineData("{col1 col2}: x")]
    public void Query_syntax_of_the_engines_is_inert(string query)
    {
        Loaded();
        var parsed = SearchQuery.Parse(query);
        Store.SearchArticles(parsed, ArticleFilter.None, new PageRequest());
        Store.ListQuotes(parsed, ArticleFilter.None, new PageRequest());
        Assert.Equal(4, Store.CountDocuments());
    }

    [SkippableFact]
    public void Random_queries_give_results_or_a_bad_query_error_never_a_database_error()
    {
        Loaded();
        var random = new Random(7);
        const string alphabet = "ab \"-*OR():^'\\;&|!<>{}NEAR+,.é日\t";
        for (int i = 0; i < 300; i++)
        {
            var chars = new char[random.Next(1, 16)];
            for (int j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            SearchQuery parsed;
            try
            {
                parsed = SearchQuery.Parse(new string(chars));
            }
            catch (ParleyException e) when (e.Code == ErrorCode.BadQuery)
            {
                continue;
            }

            Store.SearchArticles(parsed, ArticleFilter.None, new PageRequest());
            Store.ListQuotes(parsed, new ArticleFilter { Country = "RUS" }, new PageRequest());
        }
    }

    [SkippableFact]
    public void Bad_date_bounds_are_bad_queries()
    {
        Loaded();
        foreach (var bad in new[] { "yesterday", "2009-13", "2009-02-30", "2009-3-1", "'; --" })
        {
            var e = Assert.Throws<ParleyException>(() => Store.ListArticles(new ArticleFilter { From = bad }, new PageRequest()));
            Assert.Equal(ErrorCode.BadQuery, e.Code);
        }
    }

    [SkippableFact]
    public void Layers_the_components_do_not_fill_yet_leave_a_plain_article_searchable()
    {
        Loaded();
        var hit = Assert.Single(Store.SearchArticles(SearchQuery.Parse("forecasters"), ArticleFilter.None, new PageRequest()).Items);
        Assert.Equal(0, hit.Article.Quotes);
        Assert.DoesNotContain("quotes", hit.Article.Layers);
    }

    [SkippableFact]
    public void Raw_input_hashes_let_ingest_skip_known_inputs()
    {
        var doc = SampleArticles.Plain();
        Store.PutBatch([doc]);
        string layers = DocumentIndex.LayerKey(doc);
        Assert.False(Store.ContainsRaw("raw1", layers));
        Store.RememberRaw([("raw1", doc.ContentHash)]);
        Assert.True(Store.ContainsRaw("raw1", layers));
        Assert.False(Store.ContainsRaw("raw1", layers + ",quotes"));
    }
}
