using OrleansFlow.Jobs;
using OrleansFlow.Resources;

namespace OrleansFlow.Tests.Runtime;

/// <summary>Task slots on a real two-silo cluster with 4 slots per silo.</summary>
public sealed class TaskSlotClusterTests : IAsyncLifetime
{
    private Orleans.TestingHost.InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TestClusters.StartAsync(silos: 2, configure: o => o.TaskSlots = 4);

    [Fact]
    public async Task Submit_WhenParallelismEqualsTheClustersSlots_PlacesHalfTheSubtasksOnEachSilo()
    {
        var slots = await WaitForSlotsAsync(total: 8);
        Assert.Equal(new ClusterSlots(8, 8, 2), slots);

        var jobId = await SubmitIdleAsync(parallelism: 8);
        var running = await JobWaits.WaitForAsync(_cluster.Client, jobId, d => d.Status == JobStatus.Running);

        foreach (var vertex in running.Vertices)
        {
            var byHost = vertex.Subtasks.GroupBy(s => s.Host).Select(g => g.Count()).ToList();
            Assert.Equal([4, 4], byHost);
        }
        Assert.Equal(0, (await Slots.GetOverview()).Available);
        await _cluster.Client.GetGrain<IJobManagerGrain>(jobId).Cancel();
        Assert.Equal(8, (await Slots.GetOverview()).Available); // a cancelled job gives its slots back
    }

    [Fact]
    public async Task Submit_WhenTwoJobsShareTheCluster_PlacesEverySubtaskOnItsSlotsSiloAndFillsBothSilos()
    {
        await WaitForSlotsAsync(total: 8);
        var first = await SubmitIdleAsync(parallelism: 3);  // slots a, b, a
        var second = await SubmitIdleAsync(parallelism: 5); // then b, a, b, a, b: each silo holds 4

        var perSilo = new Dictionary<string, int>();
        foreach (var jobId in new[] { first, second })
        {
            var running = await JobWaits.WaitForAsync(_cluster.Client, jobId, d => d.Status == JobStatus.Running);
            var slots = await _cluster.Client.GetGrain<IJobManagerGrain>(jobId).GetSlotAllocation();
            Assert.NotNull(slots);
            foreach (var subtask in running.Vertices[0].Subtasks)
            {
                var endpoint = SiloAddress.FromParsableString(slots[subtask.Subtask]).Endpoint.ToString();
                Assert.Contains(endpoint, subtask.Host, StringComparison.Ordinal);
                Assert.All(running.Vertices, v => Assert.Equal(subtask.Host, v.Subtasks[subtask.Subtask].Host)); // slot sharing
                perSilo[endpoint] = perSilo.GetValueOrDefault(endpoint) + 1;
            }
        }
        Assert.Equal([4, 4], perSilo.Values);
        await _cluster.Client.GetGrain<IJobManagerGrain>(first).Cancel();
        await _cluster.Client.GetGrain<IJobManagerGrain>(second).Cancel();
    }

    [Fact]
    public async Task Submit_WhenMoreSlotsThanFree_IsRefusedNamingNeededAndFreeAndStartsNothing()
    {
        await WaitForSlotsAsync(total: 8);
        var first = await SubmitIdleAsync(parallelism: 6);
        var id = Guid.NewGuid().ToString("N");

        var result = await _cluster.Client.GetGrain<IJobManagerGrain>(id).Submit(IdleSpec(parallelism: 3));

        Assert.Equal(SubmitErrorKind.InsufficientSlots, result.Error);
        Assert.Contains("needs 3", result.Message, StringComparison.Ordinal);
        Assert.Contains("2 free of 8", result.Message, StringComparison.Ordinal);
        Assert.Null(await _cluster.Client.GetGrain<IJobManagerGrain>(id).GetDetails());
        Assert.DoesNotContain(id, await _cluster.Client.GetGrain<IJobDirectoryGrain>(0).List());
        Assert.False(Directory.Exists(Path.Combine(TestClusters.StorageRootOf(_cluster), "jobs", id)));
        Assert.Equal(2, (await Slots.GetOverview()).Available);
        await _cluster.Client.GetGrain<IJobManagerGrain>(first).Cancel();
    }

    [Fact]
    public async Task SiloLoss_WhenTheRemainingSlotsCannotHoldTheJob_WaitsInRestartingAndRestartsWhenASiloReturns()
    {
        await WaitForSlotsAsync(total: 8);
        var jobId = await SubmitIdleAsync(parallelism: 8);
        await JobWaits.WaitForAsync(_cluster.Client, jobId, d => d.Status == JobStatus.Running);
        var leaving = _cluster.Silos.First(s => !s.SiloAddress.Equals(_cluster.Silos[0].SiloAddress));

        await _cluster.StopSiloAsync(leaving);
        var waiting = await JobWaits.WaitForAsync(_cluster.Client, jobId,
            d => d.Status == JobStatus.Restarting && d.FailureCause?.Contains("task slots", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(60));
        Assert.Contains("needs 8", waiting.FailureCause, StringComparison.Ordinal);
        Assert.Contains("4 free of 4", waiting.FailureCause, StringComparison.Ordinal);

        await _cluster.StartAdditionalSiloAsync();
        var restarted = await JobWaits.WaitForAsync(_cluster.Client, jobId, d => d.Status == JobStatus.Running, TimeSpan.FromSeconds(60));
        Assert.True(restarted.Attempt >= 2);
        Assert.All(restarted.Vertices, v => Assert.Equal(8, v.Subtasks.Count));
        await _cluster.Client.GetGrain<IJobManagerGrain>(jobId).Cancel();
    }

    [Fact]
    public async Task Rescale_WhenTheNewParallelismNeedsMoreSlotsThanFree_IsRefusedAndTheJobRunsOn()
    {
        await WaitForSlotsAsync(total: 8);
        var jobId = await SubmitIdleAsync(parallelism: 4);
        await JobWaits.WaitForAsync(_cluster.Client, jobId, d => d.Status == JobStatus.Running);
        var manager = _cluster.Client.GetGrain<IJobManagerGrain>(jobId);

        var refused = await manager.TriggerSavepoint(new OrleansFlow.Savepoints.SavepointRequest { Mode = OrleansFlow.Savepoints.SavepointMode.Rescale, Parallelism = 9 });

        Assert.Equal(OrleansFlow.Savepoints.SavepointRefusal.InsufficientSlots, refused.Refusal);
        Assert.Contains("needs 9", refused.Message, StringComparison.Ordinal);
        Assert.Contains("8 free of 8", refused.Message, StringComparison.Ordinal); // its own 4 count as free for it
        var after = await manager.GetDetails();
        Assert.Equal(JobStatus.Running, after!.Status);
        Assert.Equal(1, after.Attempt);
        await manager.Cancel();
    }

    private ISlotManagerGrain Slots => _cluster.Client.GetGrain<ISlotManagerGrain>(0);

    private static JobSpec IdleSpec(int parallelism) => new()
    {
        JobName = IdleJob.Name, Parallelism = parallelism, MaxParallelism = 128,
        RestartStrategy = new RestartStrategySettings { DelayMs = 100 },
    };

    private async Task<string> SubmitIdleAsync(int parallelism)
    {
        var id = Guid.NewGuid().ToString("N");
        var result = await _cluster.Client.GetGrain<IJobManagerGrain>(id).Submit(IdleSpec(parallelism));
        Assert.True(result.Accepted, result.Message);
        return id;
    }

    /// <summary>Both silos are active in the membership once the cluster is deployed; this only guards the first answer.</summary>
    private async Task<ClusterSlots> WaitForSlotsAsync(int total)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        ClusterSlots slots;
        do
        {
            slots = await Slots.GetOverview();
            if (slots.Total == total) return slots;
            await Task.Delay(50);
        } while (DateTime.UtcNow < deadline);
        return slots;
    }

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }
}
