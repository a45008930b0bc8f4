namespace OrleansFlow.Tests.Processes;

/// <summary>A silo process killed with SIGKILL mid-job, restarted on the same local folder storage: the job resumes by itself.</summary>
public sealed class SiloCrashTests : IDisposable
{
    private readonly SiloCrashScenario _scenario = new();

    [Fact]
    public Task KeyedSum_WhenSiloProcessIsKilledMidRunWithLocalStorage_ResumesAfterRestartWithExactOutput() =>
        _scenario.RunAsync([$"--OrleansFlow:DataDirectory={Path.Combine(_scenario.TempDirectory, "data")}"]);

    [Fact]
    public async Task WindowSum_WhenSiloProcessIsKilledMidRun_ResumesWithEveryPendingWindowFiredExactlyOnce()
    {
        using var scenario = new SiloCrashScenario(windowSum: true);
        await scenario.RunAsync([$"--OrleansFlow:DataDirectory={Path.Combine(scenario.TempDirectory, "data")}"]);
    }

    public void Dispose() => _scenario.Dispose();
}
