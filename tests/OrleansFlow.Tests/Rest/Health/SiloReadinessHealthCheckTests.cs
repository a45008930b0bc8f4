using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OrleansFlow.Client.Api.Hosting;
using OrleansFlow.Silo.Health;
using OrleansFlow.Storage;
using OrleansFlow.Tests.Storage;

namespace OrleansFlow.Tests.Rest.Health;

/// <summary>The silo's readiness checks, without a silo: the lifecycle stage, and the storage probe failing, hanging or answering.</summary>
public sealed class SiloReadinessHealthCheckTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "orleansflow-health-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task SiloActive_WhenTheLifecycleStartsAndStops_IsReadyOnlyWhileActive()
    {
        var check = new SiloActiveHealthCheck();
        var lifecycle = new RecordingLifecycle();
        check.Participate(lifecycle);
        var (stage, observer) = Assert.Single(lifecycle.Observers);
        Assert.Equal(ServiceLifecycleStage.Active, stage);

        var beforeStart = await CheckAsync(check);
        await observer.OnStart(CancellationToken.None);
        var active = await CheckAsync(check);
        await observer.OnStop(CancellationToken.None);
        var stopping = await CheckAsync(check);

        Assert.Equal(HealthStatus.Unhealthy, beforeStart.Status);
        Assert.Equal(HealthStatus.Healthy, active.Status);
        Assert.Equal(HealthStatus.Unhealthy, stopping.Status);
    }

    [Fact]
    public async Task CheckpointStorage_WhenTheStorageAnswers_IsHealthyAndWritesNothing()
    {
        var result = await CheckAsync(new CheckpointStorageHealthCheck(Local(), Timeout(TimeSpan.FromSeconds(10))));

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.False(Directory.Exists(_root) && Directory.EnumerateFileSystemEntries(_root).Any());
    }

    [Fact]
    public async Task CheckpointStorage_WhenTheStorageFails_IsUnhealthyNamingTheFailure()
    {
        var result = await CheckAsync(new CheckpointStorageHealthCheck(new FailingStorage(Local()), Timeout(TimeSpan.FromSeconds(10))));

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains(nameof(IOException), result.Description);
    }

    [Fact]
    public async Task CheckpointStorage_WhenTheStorageHangs_IsUnhealthyAtTheDeadline()
    {
        var result = await CheckAsync(new CheckpointStorageHealthCheck(new HangingStorage(Local()), Timeout(TimeSpan.FromMilliseconds(200))));

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("did not answer within 0.2 s", result.Description);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private LocalFolderCheckpointStorage Local() => new(Options.Create(new LocalFolderCheckpointStorageOptions { RootDirectory = _root }));

    private static IOptions<ApiOptions> Timeout(TimeSpan timeout) => Options.Create(new ApiOptions { RequestTimeout = timeout });

    private static Task<HealthCheckResult> CheckAsync(IHealthCheck check) =>
        check.CheckHealthAsync(new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("test", check, HealthStatus.Unhealthy, tags: null),
        });

    private sealed class FailingStorage(ICheckpointStorage inner) : DelegatingCheckpointStorage(inner)
    {
        public override Task<long?> GetLengthAsync(string path, CancellationToken cancellationToken = default) =>
            Task.FromException<long?>(new IOException("The storage is down."));
    }

    private sealed class HangingStorage(ICheckpointStorage inner) : DelegatingCheckpointStorage(inner)
    {
        // Ignores the token on purpose: the check must not depend on the storage honouring it.
        public override Task<long?> GetLengthAsync(string path, CancellationToken cancellationToken = default) => new TaskCompletionSource<long?>().Task;
    }

    private sealed class RecordingLifecycle : ISiloLifecycle
    {
        public List<(int Stage, ILifecycleObserver Observer)> Observers { get; } = [];

        public int HighestCompletedStage => 0;

        public int LowestStoppedStage => 0;

        public IDisposable Subscribe(string observerName, int stage, ILifecycleObserver observer)
        {
            Observers.Add((stage, observer));
            return new NoDispose();
        }

        private sealed class NoDispose : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }
}
