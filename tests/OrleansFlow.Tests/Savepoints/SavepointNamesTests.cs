using OrleansFlow.Savepoints;

namespace OrleansFlow.Tests.Savepoints;

public sealed class SavepointNamesTests
{
    [Theory]
    [InlineData("savepoint-3f2a1b-9c8d7e6f5a4b")]
    [InlineData("nightly_2025.03.01")]
    [InlineData("a")]
    [InlineData("a..b")]
    public void FindProblem_WhenNameIsOneSafeFolder_ReturnsNull(string name)
    {
        Assert.Null(SavepointNames.FindProblem(name));
        Assert.True(SavepointNames.IsValid(name));
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData(".", "start with '.'")]
    [InlineData("..", "start with '.'")]
    [InlineData(".hidden", "start with '.'")]
    [InlineData("a/b", "'/'")]
    [InlineData("../jobs", "start with '.'")]
    [InlineData("a\\b", "'\\'")]
    [InlineData("a b", "' '")]
    [InlineData("a%2Fb", "'%'")]
    [InlineData("tab\there", "\\u0009")]
    [InlineData("ä", "'ä'")]
    public void FindProblem_WhenNameCouldAddressAnotherFolder_SaysWhy(string? name, string expected)
    {
        var problem = SavepointNames.FindProblem(name);

        Assert.NotNull(problem);
        Assert.Contains(expected, problem);
        Assert.False(SavepointNames.IsValid(name));
    }

    [Fact]
    public void FindProblem_WhenNameTooLong_SaysTheLimit()
    {
        Assert.Contains("200", SavepointNames.FindProblem(new string('a', SavepointNames.MaxLength + 1)));
        Assert.Null(SavepointNames.FindProblem(new string('a', SavepointNames.MaxLength)));
    }
}
