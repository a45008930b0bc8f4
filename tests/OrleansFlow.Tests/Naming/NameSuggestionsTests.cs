using OrleansFlow.Naming;

namespace OrleansFlow.Tests.Naming;

public sealed class NameSuggestionsTests
{
    private static readonly string[] SubmitProperties =
        ["job", "parallelism", "maxParallelism", "checkpointing", "restartStrategy", "savepointPath", "allowNonRestoredState", "args"];

    private static readonly string[] KeyedSumArguments = ["events", "keys", "rate", "output", "faults"];

    [Theory]
    [InlineData("parallelism", "parallelism", 0)]
    [InlineData("paralelism", "parallelism", 1)]
    [InlineData("PARALLELISM", "parallelism", 0)]
    [InlineData("evnets", "events", 1)] // one transposition
    [InlineData("abc", "", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("ca", "abc", 3)] // optimal string alignment, not unrestricted Damerau–Levenshtein (which gives 2)
    public void Distance_WhenStringsDiffer_CountsInsertionsDeletionsSubstitutionsAndTranspositionsIgnoringCase(string a, string b, int expected)
    {
        Assert.Equal(expected, NameSuggestions.Distance(a, b));
        Assert.Equal(expected, NameSuggestions.Distance(b, a));
    }

    [Theory]
    [InlineData("paralelism", "parallelism")]
    [InlineData("Paralelism", "parallelism")]
    [InlineData("maxParalelism", "maxParallelism")]
    [InlineData("savepointpth", "savepointPath")]
    [InlineData("restartStrategi", "restartStrategy")]
    [InlineData("checkpoint", "checkpointing")] // a prefix
    [InlineData("argz", "args")]
    public void Closest_WhenNameIsNearAKnownOne_SuggestsIt(string name, string expected) =>
        Assert.Equal(expected, NameSuggestions.Closest(name, SubmitProperties));

    [Theory]
    [InlineData("evnts", "events")]
    [InlineData("key", "keys")]
    [InlineData("outptu", "output")]
    [InlineData("fault", "faults")]
    [InlineData("rat", "rate")]
    public void Closest_WhenArgumentIsMisspelt_SuggestsTheDeclaredOne(string name, string expected) =>
        Assert.Equal(expected, NameSuggestions.Closest(name, KeyedSumArguments));

    [Theory]
    [InlineData("x")] // too short to guess
    [InlineData("ky")] // distance 2, but a 2-letter name only allows 1
    [InlineData("colour")]
    [InlineData("intervalx")] // distance 3 from events, not a prefix of anything
    [InlineData("eve")] // a prefix of events, but shorter than a prefix match needs
    public void Closest_WhenNothingIsClose_ReturnsNull(string name) =>
        Assert.Null(NameSuggestions.Closest(name, [.. KeyedSumArguments, "parallelism"]));

    [Theory]
    [InlineData("interval", "intervalMs")]
    [InlineData("intervalMsecs", "intervalMs")] // distance 3, the known name a prefix of the given one
    public void Closest_WhenOneIsAPrefixOfTheOther_SuggestsIt(string name, string expected) =>
        Assert.Equal(expected, NameSuggestions.Closest(name, ["intervalMs", "delayMs", "timeoutMs"]));

    [Fact]
    public void Closest_WhenTwoAreEquallyClose_ReturnsTheFirstKnown()
    {
        Assert.Equal("abce", NameSuggestions.Closest("abcd", ["abce", "abcf"]));
        Assert.Equal("abcf", NameSuggestions.Closest("abcd", ["abcf", "abce"]));
    }

    [Fact]
    public void Closest_WhenOneIsCloser_PrefersItOverAnEarlierOne() =>
        Assert.Equal("events", NameSuggestions.Closest("evens", ["eventss", "events"]));

    [Fact]
    public void Describe_WhenNested_PrefixesBothNames()
    {
        Assert.Equal("'checkpointing.intervalMss' (did you mean 'checkpointing.intervalMs'?)",
            NameSuggestions.Describe("intervalMss", ["intervalMs", "timeoutMs"], "checkpointing."));
        Assert.Equal("'foo'", NameSuggestions.Describe("foo", ["intervalMs"]));
    }

    [Fact]
    public void DescribeUnknown_WhenSeveral_NamesEachWithItsSuggestionAndTheKnownOnes()
    {
        var message = NameSuggestions.DescribeUnknown("property", "in the request body", ["paralelism", "foo"], SubmitProperties);

        Assert.Equal(
            "Unknown properties 'paralelism' (did you mean 'parallelism'?), 'foo' in the request body; known: job, parallelism, maxParallelism, " +
            "checkpointing, restartStrategy, savepointPath, allowNonRestoredState, args.",
            message);
    }

    [Fact]
    public void DescribeUnknown_WhenOneAndNoneKnown_UsesTheSingularAndSaysNoneIsTaken() =>
        Assert.Equal("Unknown job argument 'x' for job 'idle'; it takes none.", NameSuggestions.DescribeUnknown("job argument", "for job 'idle'", ["x"], []));
}
