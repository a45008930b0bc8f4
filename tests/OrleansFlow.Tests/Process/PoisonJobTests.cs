using System.Diagnostics;
using System.Net;
using OrleansFlow.Tests.Rest;
using Xunit.Sdk;

namespace OrleansFlow.Tests.Processes;

/// <summary>
/// A stored job that cannot be deployed when its silo starts does not take the silo down: a job running at p = 16 on a
/// silo with 16 slots, the silo killed with SIGKILL and started again with 2 slots, answers its API and the job waits in
/// RESTARTING, saying it lacks slots, until it is cancelled.
/// </summary>
public sealed class PoisonJobTests : IDisposable
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(90);
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "orleansflow-poison-" + Guid.NewGuid().ToString("N"));
    private readonly List<SiloProcess> _silos = [];

    public PoisonJobTests() => Directory.CreateDirectory(_temp);

    [Fact]
    public async Task SiloStart_WhenAStoredJobNeedsMoreSlotsThanTheSiloHas_AnswersAndTheJobWaitsInRestartingUntilCancelled()
    {
        try
        {
            await RunAsync();
        }
        catch (Exception e)
        {
            throw new XunitException($"{e.GetType().Name}: {e.Message}{string.Concat(_silos.Select((s, i) => $"\n--- silo {i + 1} ---\n{s.LogTail()}"))}", e);
        }
    }

    private async Task RunAsync()
    {
        var (httpPort, siloPort, gatewayPort) = SiloHostFixture.FreePorts();
        string[] common =
        [
            $"--Orleans:SiloPort={siloPort}", $"--Orleans:GatewayPort={gatewayPort}", $"--Orleans:ClusterId=poison-{Guid.NewGuid():N}",
            $"--OrleansFlow:DataDirectory={Path.Combine(_temp, "data")}",
        ];
        var first = Start(httpPort, [.. common, "--OrleansFlow:TaskSlots=16"]);
        await first.WaitUntilReadyAsync(StepTimeout);
        var jobId = await RestTestSupport.SubmitAsync(first.Client, """{"job":"keyed-sum","parallelism":16,"args":{"events":0,"keys":100,"rate":2000}}""");
        await PollJobAsync(first, jobId, j => j.GetProperty("status").GetString() == "RUNNING");
        Assert.Equal(137, await first.KillAsync());

        var clock = Stopwatch.StartNew();
        var second = Start(httpPort, [.. common, "--OrleansFlow:TaskSlots=2"]);
        await WaitForJobsRouteAsync(second, clock);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"GET /jobs answered only after {clock.Elapsed.TotalSeconds:F1} s");

        var waiting = await PollJobAsync(second, jobId,
            j => j.GetProperty("status").GetString() == "RESTARTING" && j.GetProperty("failureCause").GetString()?.Contains("task slots") == true);
        var cause = waiting.GetProperty("failureCause").GetString()!;
        Assert.Contains("needs 16", cause, StringComparison.Ordinal);
        Assert.Contains("2 free of 2", cause, StringComparison.Ordinal);
        Assert.False(second.HasExited);

        using (var cancel = await RestTestSupport.PatchAsync(second.Client, jobId, "?mode=cancel"))
            Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        await PollJobAsync(second, jobId, j => j.GetProperty("status").GetString() == "CANCELED");
        Assert.False(second.HasExited);
    }

    private SiloProcess Start(int httpPort, string[] args)
    {
        var silo = SiloProcess.Start(httpPort, args, Path.Combine(_temp, $"silo-{_silos.Count + 1}.log"));
        _silos.Add(silo);
        return silo;
    }

    /// <summary>Polls GET /jobs until it answers 200 (the process must not exit meanwhile).</summary>
    private static async Task WaitForJobsRouteAsync(SiloProcess silo, Stopwatch clock)
    {
        while (true)
        {
            Assert.False(silo.HasExited, "the silo process exited while starting with the stored job");
            try
            {
                using var response = await silo.Client.GetAsync("jobs");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            if (clock.Elapsed > StepTimeout) Assert.Fail($"GET /jobs did not answer 200 within {StepTimeout.TotalSeconds} s");
            await Task.Delay(200);
        }
    }

    private static async Task<System.Text.Json.JsonElement> PollJobAsync(SiloProcess silo, string jobId, Func<System.Text.Json.JsonElement, bool> condition)
    {
        var clock = Stopwatch.StartNew();
        System.Text.Json.JsonElement last = default;
        while (clock.Elapsed < StepTimeout)
        {
            Assert.False(silo.HasExited, "the silo process exited");
            last = await RestTestSupport.GetJobAsync(silo.Client, jobId);
            if (condition(last)) return last;
            await Task.Delay(200);
        }
        Assert.Fail($"job {jobId} did not reach the expected state; last: {last}");
        return last;
    }

    public void Dispose()
    {
        foreach (var silo in _silos) silo.Dispose();
        try
        {
            Directory.Delete(_temp, recursive: true);
        }
        catch (IOException)
        {
            // best effort, under the temp path
        }
    }
}
