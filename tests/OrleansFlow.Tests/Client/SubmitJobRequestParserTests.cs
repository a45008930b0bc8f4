using System.Text;
using OrleansFlow.Client.Api;

namespace OrleansFlow.Tests.Client;

public sealed class SubmitJobRequestParserTests
{
    private static (bool Ok, OrleansFlow.Jobs.JobSpec? Spec, string? Error) Parse(string json)
    {
        var ok = SubmitJobRequestParser.TryParse(Encoding.UTF8.GetBytes(json), out var spec, out var error);
        return (ok, spec, error);
    }

    [Fact]
    public void TryParse_WhenPropertyIsMisspelt_RefusesNamingItWithASuggestion()
    {
        var (ok, spec, error) = Parse("""{"job":"keyed-sum","paralelism":2}""");

        Assert.False(ok);
        Assert.Null(spec);
        Assert.Equal(
            "Unknown property 'paralelism' (did you mean 'parallelism'?) in the request body; known: job, parallelism, maxParallelism, checkpointing, " +
            "restartStrategy, savepointPath, allowNonRestoredState, args.",
            error);
    }

    [Fact]
    public void TryParse_WhenSeveralAreUnknownAtEveryLevel_NamesThemAll()
    {
        var (ok, _, error) = Parse("""
            {"job":"keyed-sum","paralelism":2,"colour":"red",
             "checkpointing":{"intervalMs":100,"intervalMss":10,"retaind":2},
             "restartStrategy":{"kind":"None","delay":5}}
            """);

        Assert.False(ok);
        Assert.Contains("Unknown properties 'paralelism' (did you mean 'parallelism'?), 'colour' in the request body", error, StringComparison.Ordinal);
        Assert.Contains(
            "Unknown properties 'checkpointing.intervalMss' (did you mean 'checkpointing.intervalMs'?), 'checkpointing.retaind' (did you mean 'checkpointing.retained'?) in 'checkpointing'; known: checkpointing.intervalMs,",
            error, StringComparison.Ordinal);
        Assert.Contains("Unknown property 'restartStrategy.delay' (did you mean 'restartStrategy.delayMs'?) in 'restartStrategy'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_WhenKnownPropertiesUseAnotherCase_AcceptsThem()
    {
        var (ok, spec, error) = Parse("""{"JOB":"keyed-sum","Parallelism":2,"CHECKPOINTING":{"INTERVALMS":100},"restartstrategy":{"KIND":"None"}}""");

        Assert.True(ok, error);
        Assert.Equal(2, spec!.Parallelism);
        Assert.Equal(100, spec.Checkpointing.IntervalMs);
        Assert.Equal(OrleansFlow.Jobs.RestartStrategyKind.None, spec.RestartStrategy.Kind);
    }

    [Fact]
    public void TryParse_WhenArgsHaveAnyNamesAndNestedObjectsAreNull_LeavesArgsToTheJob()
    {
        var (ok, spec, error) = Parse("""{"job":"keyed-sum","checkpointing":null,"args":{"anything":1,"absent":null}}""");

        Assert.True(ok, error);
        Assert.Equal("1", spec!.Args["anything"]);
        Assert.Equal("", spec.Args["absent"]); // kept (as absent) so the job's declarations still see the name
    }

    [Theory]
    [InlineData("""{"job":"keyed-sum",""")]
    [InlineData("")]
    [InlineData("""{"job":"keyed-sum"} trailing""")]
    public void TryParse_WhenBodyIsNotJson_SaysItIsNotAValidSubmission(string json)
    {
        var (ok, _, error) = Parse(json);

        Assert.False(ok);
        Assert.StartsWith("The request body is not a valid job submission: ", error, StringComparison.Ordinal);
    }
}
