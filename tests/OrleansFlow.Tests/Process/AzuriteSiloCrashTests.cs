using OrleansFlow.Tests.Storage;

namespace OrleansFlow.Tests.Processes;

/// <summary>
/// A silo process killed with SIGKILL mid-job, restarted on the same Azurite blob container: the job resumes by itself,
/// and its output, written to another container through the two-phase-commit file sink, is exact.
/// </summary>
[Collection("azurite")]
public sealed class AzuriteSiloCrashTests(AzuriteFixture azurite) : IDisposable
{
    private readonly SiloCrashScenario _scenario = new(new Azure.Storage.Blobs.BlobServiceClient(
            azurite.ConnectionString, new Azure.Storage.Blobs.BlobClientOptions(Azure.Storage.Blobs.BlobClientOptions.ServiceVersion.V2026_06_06))
        .GetBlobContainerClient($"output{Guid.NewGuid():N}"));

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
