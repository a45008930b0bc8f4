using OrleansFlow.Tests.Storage;

namespace OrleansFlow.Tests.Processes;

/// <summary>A silo process killed with SIGKILL mid-job, restarted on the same Azurite blob container: the job resumes by itself.</summary>
[Collection("azurite")]
public sealed class AzuriteSiloCrashTests(AzuriteFixture azurite) : IDisposable
{
    private readonly SiloCrashScenario _scenario = new();

    [Fact]
    public Task KeyedSum_WhenSiloProcessIsKilledMidRunWithAzuriteStorage_ResumesAfterRestartWithExactOutput() =>
        _scenario.RunAsync(
        [
            "--OrleansFlow:Storage:Provider=azure",
            $"--OrleansFlow:Storage:ConnectionString={azurite.ConnectionString}",
            $"--OrleansFlow:Storage:ContainerName=crash{Guid.NewGuid():N}",
        ]);

    public void Dispose() => _scenario.Dispose();
}
