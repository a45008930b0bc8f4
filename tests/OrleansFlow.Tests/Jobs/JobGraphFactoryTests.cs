using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansFlow.BuiltIn;
using OrleansFlow.Connectors;
using OrleansFlow.Hosting;
using OrleansFlow.Jobs;
using OrleansFlow.Storage;

namespace OrleansFlow.Tests.Jobs;

/// <summary>Where every submission's graph is built (REST, restore, rescale, task deployment): arguments are checked against the job's declarations there.</summary>
public sealed class JobGraphFactoryTests
{
    private static JobGraphFactory Factory()
    {
        var services = new ServiceCollection()
            .AddSingleton(Options.Create(new AzureBlobCheckpointStorageOptions()))
            .AddSingleton(new SinkPathPolicy([Path.GetTempPath()], Path.GetTempPath()))
            .AddSingleton<FileSinkLocations>()
            .BuildServiceProvider();
        var registry = new StreamJobRegistry(
            [new StreamJobRegistration(KeyedSumJob.Name, typeof(KeyedSumJob)), new StreamJobRegistration("undeclared", typeof(UndeclaredArgumentJob))], services);
        return new JobGraphFactory(registry);
    }

    private static JobSpec Spec(string job, params (string Name, string Value)[] args) => new()
    {
        JobName = job, Parallelism = 1, MaxParallelism = 128, Args = args.ToDictionary(a => a.Name, a => a.Value),
    };

    [Fact]
    public void Create_WhenArgumentsAreDeclared_BuildsTheGraph()
    {
        var graph = Factory().Create(Spec(KeyedSumJob.Name, ("events", "10"), ("Keys", "2"), ("output", Path.Combine(Path.GetTempPath(), "unused"))));

        Assert.Contains(graph.Vertices.SelectMany(v => v.Chain), t => t.Uid == "sink");
    }

    [Fact]
    public void Create_WhenAnArgumentIsNotDeclared_ThrowsArgumentNamingItWithASuggestion()
    {
        var error = Assert.Throws<ArgumentException>(() => Factory().Create(Spec(KeyedSumJob.Name, ("evnts", "10"), ("keys", "2"))));

        Assert.Equal("Unknown job argument 'evnts' (did you mean 'events'?) for job 'keyed-sum'; known: events, keys, rate, output, faults.", error.Message);
    }

    [Fact]
    public void Create_WhenAValueDoesNotFitItsKind_ThrowsArgumentBeforeBuilding() =>
        Assert.Equal("Job argument 'keys' must be at least 1, got 0.", Assert.Throws<ArgumentException>(() => Factory().Create(Spec(KeyedSumJob.Name, ("keys", "0")))).Message);

    [Fact]
    public void Create_WhenOutputIsOutsideTheAllowedDirectories_ThrowsArgumentNamingTheSetting() =>
        Assert.Contains("OrleansFlow:Sinks:AllowedDirectories",
            Assert.Throws<ArgumentException>(() => Factory().Create(Spec(KeyedSumJob.Name, ("output", "/proc/orleansflow")))).Message, StringComparison.Ordinal);

    [Fact]
    public void Create_WhenBuildReadsAnUndeclaredArgument_ThrowsInvalidOperationNotArgument()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Factory().Create(Spec("undeclared", ("events", "5"))));

        Assert.Contains("'keys', which it does not declare", error.Message, StringComparison.Ordinal);
    }
}
