using OrleansFlow.Api;

namespace OrleansFlow.Tests.Api;

public sealed class JobArgumentsTests
{
    private static readonly JobParameters Declared = new(
        JobParameter.Int64("events", 1000, "events", min: 0),
        JobParameter.String("output", "where"),
        JobParameter.String("mode", "how", defaultValue: "fast"),
        JobParameter.Boolean("verbose", false, "chatty"));

    private static JobArguments Of(params (string Name, string Value)[] args) =>
        new(args.ToDictionary(a => a.Name, a => a.Value), Declared);

    [Fact]
    public void Getters_WhenArgumentsAreGiven_ReturnTheirValuesCaseInsensitively()
    {
        var args = Of(("EVENTS", "5"), ("output", "/tmp/o"), ("Mode", "slow"), ("verbose", "true"));

        Assert.Equal(5, args.GetInt64("events"));
        Assert.Equal("/tmp/o", args.GetString("Output"));
        Assert.Equal("slow", args.GetString("mode"));
        Assert.True(args.GetBoolean("verbose"));
    }

    [Fact]
    public void Getters_WhenArgumentsAreAbsentOrEmpty_ReturnTheDeclaredDefaults()
    {
        var args = Of(("events", ""), ("mode", ""));

        Assert.Equal(1000, args.GetInt64("events"));
        Assert.Null(args.GetString("output"));
        Assert.Equal("fast", args.GetString("mode"));
        Assert.False(args.GetBoolean("verbose"));
    }

    [Fact]
    public void Getters_WhenArgumentIsNotDeclared_ThrowInvalidOperationNamingItAndTheDeclaredOnes()
    {
        var args = Of(("events", "5"));

        var error = Assert.Throws<InvalidOperationException>(() => args.GetInt64("keys"));
        Assert.Contains("'keys', which it does not declare (declared: events, output, mode, verbose)", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => args.GetString("other"));
        Assert.Throws<InvalidOperationException>(() => args.GetBoolean("other"));
    }

    [Fact]
    public void Getters_WhenReadAsAnotherKind_ThrowInvalidOperation()
    {
        var args = Of();

        Assert.Contains("declares it as Int64", Assert.Throws<InvalidOperationException>(() => args.GetString("events")).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => args.GetInt64("output"));
        Assert.Throws<InvalidOperationException>(() => args.GetBoolean("mode"));
    }

    [Fact]
    public void GetInt64_WhenValueIsInvalid_ThrowsArgumentNamingIt()
    {
        Assert.Contains("'events' must be a whole number", Assert.Throws<ArgumentException>(() => Of(("events", "x")).GetInt64("events")).Message, StringComparison.Ordinal);
        Assert.Contains("'events' must be at least 0", Assert.Throws<ArgumentException>(() => Of(("events", "-3")).GetInt64("events")).Message, StringComparison.Ordinal);
    }
}
