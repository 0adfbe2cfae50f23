using Parley.Events;
using Parley.Events.Coding;
using Parley.Events.Dictionaries;
using Xunit;
using static Parley.Tests.Events.EventTestDocuments;

namespace Parley.Tests.Events;

/// <summary>
/// User dictionaries in the PETRARCH formats, written here by hand for the tests (made-up countries and codes):
/// synsets, adjacency, multi-word verbs, $ + % markers, two-way codes, dated actor codes, agents and discards.
/// </summary>
public class PetrarchDictionaryTests
{
    private const string Verbs = """
        &TIEKIND
        +TRADE
        +CULTURAL

        --- MEND [500] ---
        MEND
        - * &TIEKIND TIES [501]
        - * NEW_TIES [502]
        - $ ASKED + TO * [503]

        --- CONFER [600:601] ---
        CONFER {CONFERRED CONFERRING}
        - % HAVE * [602]

        --- BREAK [---] ---
        +BREAK_OFF {+BROKE_OFF +BROKEN_OFF}
        - * TALKS [700]
        """;

    private const string Actors = """
        ALPHALAND [ALP]
        +ALPHAN
        BETAVIA [BET]
        GAMMA_REPUBLIC [GAM]
        OLD_RULER
        	[ALPGOV 19900101-19991231]
        	[ALPELI >20000101]
        """;

    private const string Agents = """
        GOVERNMENT [~GOV]
        POLICE {} [~COP]
        AID_AGENCY {AID_AGENCIES} [NGO~]
        """;

    private static EventOptions Options(string? discards = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "parley-events-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "v.txt"), Verbs);
        File.WriteAllText(Path.Combine(dir, "a.txt"), Actors);
        File.WriteAllText(Path.Combine(dir, "g.txt"), Agents);
        if (discards is not null)
        {
            File.WriteAllText(Path.Combine(dir, "d.txt"), discards);
        }

        return new EventOptions
        {
            UseBuiltInPatterns = false,
            VerbDictionaries = [Path.Combine(dir, "v.txt")],
            ActorDictionaries = [Path.Combine(dir, "a.txt")],
            AgentDictionaries = [Path.Combine(dir, "g.txt")],
            DiscardLists = discards is null ? [] : [Path.Combine(dir, "d.txt")],
        };
    }

    private static List<string> CodeText(string text, string? published = null, string? discards = null) =>
        Summaries(Code(Build(text, published), Options(discards)));

    [Theory]
    [InlineData("Alphaland will mend ties with Betavia.", "ALP>BET:500")]
    [InlineData("Alphaland will mend cultural ties with Betavia.", "ALP>BET:501")]
    [InlineData("Alphaland will mend trade ties with Betavia.", "ALP>BET:501")]
    [InlineData("Alphaland will mend new ties with Betavia.", "ALP>BET:502")]
    [InlineData("Alphaland will mend new old ties with Betavia.", "ALP>BET:500")]
    public void Synsets_and_adjacency_select_the_pattern(string text, string expected) =>
        Assert.Equal([expected], CodeText(text));

    [Fact]
    public void Source_and_target_markers_place_the_actors()
    {
        Assert.Equal(["BET>GAM:503"], CodeText("Betavia asked Gamma Republic to mend the situation."));
    }

    [Fact]
    public void A_two_way_code_gives_both_directions()
    {
        Assert.Equal(["ALP>BET:600", "BET>ALP:601"], CodeText("Alphaland conferred with Betavia."));
    }

    [Fact]
    public void A_compound_marker_makes_the_parties_act_towards_each_other()
    {
        Assert.Equal(["ALP+BET<>:602"], CodeText("Alphaland and Betavia have conferred."));
    }

    [Fact]
    public void Multi_word_verbs_match_their_irregular_forms()
    {
        Assert.Equal(["ALP>BET:700"], CodeText("Alphaland broke off talks with Betavia."));
        Assert.Empty(CodeText("Alphaland broke talks with Betavia."));
    }

    [Fact]
    public void Agents_add_sectors_and_prefixes_to_actors()
    {
        Assert.Equal(["ALPGOV>BETCOP:500"], CodeText("The Alphaland government will mend ties with the Betavia police."));
        Assert.Equal(["NGOALP>BET:500"], CodeText("Alphan aid agencies will mend ties with Betavia."));
        Assert.Equal(["---GOV>BET:500"], CodeText("The government will mend ties with Betavia."));
    }

    [Theory]
    [InlineData("1995-06-01", "ALPGOV>BET:500")]
    [InlineData("2005-06-01", "ALPELI>BET:500")]
    public void Dated_actor_codes_follow_the_document_date(string date, string expected) =>
        Assert.Equal([expected], CodeText("Old Ruler will mend ties with Betavia.", date));

    [Fact]
    public void Discarded_sentences_and_stories_code_nothing()
    {
        Assert.Empty(CodeText("Alphaland will mend ties with Betavia at the football cup.", discards: "FOOTBALL CUP\n"));
        Assert.Empty(CodeText("Alphaland will mend ties with Betavia. The football cup is near.", discards: "+FOOTBALL CUP\n"));
        Assert.NotEmpty(CodeText("Alphaland will mend ties with Betavia.", discards: "FOOTBALL CUP\n"));
    }

    [Fact]
    public void Petrarch_dictionaries_need_both_a_source_and_a_target()
    {
        Assert.Empty(CodeText("Alphaland will mend ties."));
    }

    [Fact]
    public void A_missing_dictionary_is_a_clear_error()
    {
        var e = Assert.Throws<ParleyException>(() => new EventComponent(new EventOptions { VerbDictionaries = ["/nonexistent/verbs.txt"] }));
        Assert.Equal(ErrorCode.NotFound, e.Code);
    }

    [Fact]
    public void Malformed_dictionary_lines_are_skipped()
    {
        var dict = VerbDictionary.Read(new StringReader("--- X [100] ---\nFOO\n- * [\n- no star here [200]\n- * BAR [300]\n<!-- open comment\n"), "bad");
        var entry = dict.Lookup("FOO").ToArray().Single();
        Assert.Equal("100", entry.Code);
        Assert.Single(entry.Patterns);
    }

    [Fact]
    public void Regular_verb_forms_are_generated()
    {
        Assert.Equal(["BAN", "BANS", "BANNED", "BANNING", "BANED", "BANING"], DictionaryText.VerbForms("BAN").ToArray().Take(2)
            .Concat(DictionaryText.VerbForms("BAN").Where(f => f is "BANNED" or "BANNING")).Concat(["BANED", "BANING"]));
        Assert.Contains("TRIED", DictionaryText.VerbForms("TRY"));
        Assert.Contains("ARRIVING", DictionaryText.VerbForms("ARRIVE"));
        Assert.Equal("POLICIES", DictionaryText.Plural("POLICY"));
    }
}
