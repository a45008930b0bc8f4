using OrleansFlow.Api;

namespace OrleansFlow.Tests.Api;

public sealed class JobParametersTests
{
    private static readonly JobParameters KeyedSum = BuiltIn.KeyedSumJob.Declared;

    private static Dictionary<string, string> Args(params (string Name, string Value)[] args) =>
        args.ToDictionary(a => a.Name, a => a.Value, StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void Validate_WhenEveryArgumentIsDeclaredAndFits_ReturnsNoError()
    {
        Assert.Empty(KeyedSum.Validate(Args(("events", "10"), ("KEYS", "3"), ("rate", "0"), ("output", "/tmp/x"), ("faults", "1,2")), "keyed-sum"));
        Assert.Empty(KeyedSum.Validate(null, "keyed-sum"));
        Assert.Empty(KeyedSum.Validate(Args(("events", "")), "keyed-sum")); // empty = absent
    }

    [Fact]
    public void Validate_WhenArgumentsAreNotDeclared_NamesThemAllWithSuggestionsInOneError()
    {
        var errors = KeyedSum.Validate(Args(("evnts", "10"), ("keys", "3"), ("colour", "red")), "keyed-sum");

        var error = Assert.Single(errors);
        Assert.Equal("Unknown job arguments 'colour', 'evnts' (did you mean 'events'?) for job 'keyed-sum'; known: events, keys, rate, output, faults.", error);
    }

    [Theory]
    [InlineData("events", "abc", "Job argument 'events' must be a whole number, got 'abc'.")]
    [InlineData("events", "1.5", "Job argument 'events' must be a whole number, got '1.5'.")]
    [InlineData("keys", "0", "Job argument 'keys' must be at least 1, got 0.")]
    [InlineData("rate", "-1", "Job argument 'rate' must be at least 0, got -1.")]
    public void Validate_WhenValueDoesNotFitItsKind_SaysWhich(string name, string value, string expected) =>
        Assert.Equal(expected, Assert.Single(KeyedSum.Validate(Args((name, value)), "keyed-sum")));

    [Fact]
    public void Validate_WhenBooleanIsNotTrueOrFalse_SaysSo()
    {
        var parameters = new JobParameters(JobParameter.Boolean("flag", false, "a flag"));

        Assert.Empty(parameters.Validate(Args(("flag", "TRUE")), "j"));
        Assert.Equal("Job argument 'flag' must be true or false, got 'yes'.", Assert.Single(parameters.Validate(Args(("flag", "yes")), "j")));
    }

    [Fact]
    public void Validate_WhenUnknownAndInvalidTogether_ReportsBoth()
    {
        var errors = KeyedSum.Validate(Args(("evnts", "10"), ("keys", "x")), "keyed-sum");

        Assert.Equal(2, errors.Count);
        Assert.Contains("'evnts' (did you mean 'events'?)", errors[0], StringComparison.Ordinal);
        Assert.Contains("'keys' must be a whole number", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_WhenNameIsDeclaredTwice_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new JobParameters(JobParameter.String("a", ""), JobParameter.Int64("A", 1, "")));

        Assert.Contains("'A' is declared twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Int64_WhenDefaultIsBelowMinimum_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => JobParameter.Int64("n", 0, "", min: 1));
}
