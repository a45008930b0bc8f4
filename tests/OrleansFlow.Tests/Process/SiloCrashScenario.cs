using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OrleansFlow.Tests.Rest;
using OrleansFlow.Tests.Runtime;
using Xunit.Sdk;

namespace OrleansFlow.Tests.Processes;

/// <summary>
/// A real crash: a bounded, checkpointed <c>keyed-sum</c> (or, with <c>windowSum</c>, <c>window-sum</c>'s tumbling
/// windows, whose pending windows are timers in the checkpoint) is submitted to a silo process, the process is killed with
/// SIGKILL after two completed checkpoints, a new silo process starts on the same storage, and the job must resume by
/// itself (nobody resubmits it or calls its routes until its output is there) from a checkpoint, with exact output.
/// Every failure carries the tails of the silos' logs. Disposing kills the silos and deletes the temporary files.
/// </summary>
internal sealed class SiloCrashScenario : IDisposable
{
    private const long Events = 2_000_000, Keys = 10_000, Rate = 150_000; // ~13 s of input: long enough to kill it mid-run
    private const int Parallelism = 2;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly List<SiloProcess> _silos = [];
    private readonly Azure.Storage.Blobs.BlobContainerClient? _outputContainer;
    private readonly bool _windowSum;
    private readonly Lazy<List<string>> _expectedWindowSumLines = new(() => WindowSumExpected.Tumbling(Events, WindowSumKeys, WindowMs, DisorderMs));
    private const long WindowSumKeys = 100, WindowMs = 1000, DisorderMs = 100;

    /// <summary>The temporary folder of this run: silo logs, the job's output and, for the local storage, its data.</summary>
    public string TempDirectory { get; } = Path.Combine(Path.GetTempPath(), "orleansflow-crash-" + Guid.NewGuid().ToString("N"));

    private string OutputDirectory => Path.Combine(TempDirectory, "out");

    /// <summary>
    /// A scenario whose job writes its output to the local folder, or, with <paramref name="outputContainer"/>, to that
    /// blob container (in the silo's Azure storage account) through <c>output=blob:{container}/out</c>.
    /// </summary>
    public SiloCrashScenario(Azure.Storage.Blobs.BlobContainerClient? outputContainer = null, bool windowSum = false)
    {
        _outputContainer = outputContainer;
        _windowSum = windowSum;
        Directory.CreateDirectory(TempDirectory);
    }

    private string OutputArgument => _outputContainer is null ? OutputDirectory : $"blob:{_outputContainer.Name}/out";

    /// <summary>Runs the scenario with the storage chosen by <paramref name="storageArgs"/> (silo command-line settings).</summary>
    public async Task RunAsync(IReadOnlyList<string> storageArgs)
    {
        try
        {
            await RunCoreAsync(storageArgs);
        }
        catch (Exception e)
        {
            throw new XunitException($"{e.GetType().Name}: {e.Message}{LogTails()}", e);
        }
    }

    private async Task RunCoreAsync(IReadOnlyList<string> storageArgs)
    {
        var (httpPort, siloPort, gatewayPort) = SiloHostFixture.FreePorts();
        string[] args =
        [
            $"--Orleans:SiloPort={siloPort}",
            $"--Orleans:GatewayPort={gatewayPort}",
            $"--Orleans:ClusterId=crash-{Guid.NewGuid():N}",
            .. storageArgs,
        ];

        var first = await StartSiloAsync(httpPort, args);
        var jobId = await RestTestSupport.SubmitAsync(first.Client, SubmitBody());

        var checkpoints = await PollAsync(first, $"jobs/{jobId}/checkpoints",
            c => c.GetProperty("counts").GetProperty("completed").GetInt64() >= 2, "two completed checkpoints");
        var lastCompletedBeforeKill = checkpoints.GetProperty("latest").GetProperty("completed").GetProperty("id").GetInt64();
        var beforeKill = await RestTestSupport.GetJobAsync(first.Client, jobId);
        var exitCode = await first.KillAsync();

        Assert.True(first.HasExited, $"silo process {first.ProcessId} still runs after the kill");
        Assert.Equal(128 + 9, exitCode); // ended by SIGKILL: no shutdown code ran
        Assert.Equal("RUNNING", beforeKill.GetProperty("status").GetString());
        var attemptBeforeKill = beforeKill.GetProperty("attempt").GetInt32();
        var sourceOut = beforeKill.GetProperty("vertices").EnumerateArray()
            .Single(v => v.GetProperty("uid").GetString() == "source").GetProperty("recordsOut").GetInt64();
        Assert.True(sourceOut < Events, $"the source had emitted all {Events} events before the kill: {beforeKill}");
        Assert.True(!OutputComplete(), $"output was complete before the kill: {string.Join(", ", PartFiles())}");

        var second = await StartSiloAsync(httpPort, args); // same settings, same storage
        await WaitForOutputAsync(second); // only the file system: the job must resume without any call for it
        var finished = await PollAsync(second, $"jobs/{jobId}", j => j.GetProperty("status").GetString() is "FINISHED" or "FAILED" or "CANCELED", "a terminal status");
        var after = await PollAsync(second, $"jobs/{jobId}/checkpoints", _ => true, "checkpoint statistics");

        Assert.True(finished.GetProperty("status").GetString() == "FINISHED", $"job ended {finished.GetProperty("status")}: {finished}");
        Assert.True(finished.GetProperty("attempt").GetInt32() > attemptBeforeKill,
            $"attempt {finished.GetProperty("attempt")} after the restart, {attemptBeforeKill} before the kill: {finished}");
        var restored = after.GetProperty("latest").GetProperty("restored");
        Assert.True(restored.ValueKind == JsonValueKind.Object, $"the resumed job restored no checkpoint (started from scratch): {after}");
        Assert.True(restored.GetProperty("id").GetInt64() >= Math.Max(1, lastCompletedBeforeKill),
            $"restored checkpoint {restored.GetProperty("id")}, but checkpoint {lastCompletedBeforeKill} had completed before the kill: {after}");
        Assert.True(after.GetProperty("counts").GetProperty("restored").GetInt64() >= 1, after.ToString());
        AssertOutputIsExact();
    }

    public void Dispose()
    {
        foreach (var silo in _silos) silo.Dispose();
        try
        {
            if (Directory.Exists(TempDirectory)) Directory.Delete(TempDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the folder is under the temp path.
        }
    }

    private string SubmitBody() => JsonSerializer.Serialize(new
    {
        job = _windowSum ? "window-sum" : "keyed-sum",
        parallelism = Parallelism,
        maxParallelism = 128,
        args = new Dictionary<string, string>
        {
            ["events"] = Events.ToString(CultureInfo.InvariantCulture),
            ["keys"] = (_windowSum ? WindowSumKeys : Keys).ToString(CultureInfo.InvariantCulture),
            ["rate"] = Rate.ToString(CultureInfo.InvariantCulture),
            ["output"] = OutputArgument,
            ["windowMs"] = WindowMs.ToString(CultureInfo.InvariantCulture),
            ["disorderMs"] = DisorderMs.ToString(CultureInfo.InvariantCulture),
        }.Where(a => _windowSum || a.Key is not ("windowMs" or "disorderMs")).ToDictionary(),
        checkpointing = new { intervalMs = 200 },
    });

    private async Task<SiloProcess> StartSiloAsync(int httpPort, IReadOnlyList<string> args)
    {
        var silo = SiloProcess.Start(httpPort, args, Path.Combine(TempDirectory, $"silo-{_silos.Count + 1}.log"));
        _silos.Add(silo);
        await silo.WaitUntilReadyAsync(StartTimeout);
        return silo;
    }

    /// <summary>Polls GET <paramref name="route"/> until <paramref name="condition"/> holds; fails at the deadline or when the silo exits.</summary>
    private static async Task<JsonElement> PollAsync(SiloProcess silo, string route, Func<JsonElement, bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        JsonElement last = default;
        while (true)
        {
            Assert.False(silo.HasExited, $"silo process {silo.ProcessId} exited while waiting for {what}");
            using (var response = await silo.Client.GetAsync(route))
            {
                last = await RestTestSupport.ReadJsonAsync(response, System.Net.HttpStatusCode.OK);
            }
            if (condition(last)) return last;
            if (clock.Elapsed > StepTimeout) Assert.Fail($"no {what} after {StepTimeout.TotalSeconds} s; last GET /{route}: {last}");
            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Waits until the committed output is whole (<see cref="OutputComplete"/>).</summary>
    private async Task WaitForOutputAsync(SiloProcess silo)
    {
        var clock = Stopwatch.StartNew();
        while (!OutputComplete())
        {
            Assert.False(silo.HasExited, $"the restarted silo process {silo.ProcessId} exited before the job's output was complete");
            if (clock.Elapsed > StepTimeout)
                Assert.Fail($"the job did not resume by itself: after {StepTimeout.TotalSeconds} s its output holds [{string.Join(", ", PartFiles())}]");
            await Task.Delay(PollInterval);
        }
    }

    /// <summary>
    /// Whether the committed output is whole: keyed-sum publishes one part per sink subtask at the end of the input;
    /// window-sum commits parts at every checkpoint, so its line count tells.
    /// </summary>
    private bool OutputComplete() => _windowSum
        ? OutputLines().Count >= _expectedWindowSumLines.Value.Count
        : PartFiles().Length >= Parallelism;

    /// <summary>The visible (committed) part names of the output.</summary>
    private string[] PartFiles()
    {
        if (_outputContainer is null)
        {
            return Directory.Exists(OutputDirectory)
                ? Directory.GetFiles(OutputDirectory, "part-*").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray()
                : [];
        }
        if (!_outputContainer.Exists().Value) return [];
        return _outputContainer.GetBlobs(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "out/", CancellationToken.None)
            .Select(b => b.Name["out/".Length..]).Where(n => n.StartsWith("part-", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
    }

    private List<string> OutputLines() => _outputContainer is null
        ? OutputFiles.ReadResult(OutputDirectory)
        : PartFiles().SelectMany(n => _outputContainer.GetBlobClient("out/" + n).DownloadContent().Value.Content.ToString()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();

    private void AssertOutputIsExact()
    {
        if (_windowSum)
        {
            var lines = OutputLines().Order(StringComparer.Ordinal).ToList();
            var expectedLines = _expectedWindowSumLines.Value;
            var missing = expectedLines.Except(lines).Take(5).ToList();
            var duplicates = lines.GroupBy(l => l).Where(g => g.Count() > 1).Select(g => g.Key).Take(5).ToList();
            Assert.True(lines.SequenceEqual(expectedLines),
                $"window-sum output differs from the reference: {lines.Count} lines, {expectedLines.Count} expected; missing e.g. [{string.Join("; ", missing)}], duplicated e.g. [{string.Join("; ", duplicates)}]");
            return;
        }
        var expected = OutputFiles.ExpectedKeyedSum(Events, Keys);
        var actual = OutputFiles.ParsePairs(OutputLines()); // fails on a duplicate key
        var wrong = expected.Where(kv => !actual.TryGetValue(kv.Key, out var sum) || sum != kv.Value).ToList();
        var extra = actual.Keys.Where(k => !expected.ContainsKey(k)).ToList();
        Assert.True(wrong.Count == 0 && extra.Count == 0,
            $"output differs from the arithmetic result: {wrong.Count} of {expected.Count} keys missing or wrong " +
            $"(e.g. {string.Join("; ", wrong.Take(5).Select(kv => $"key {kv.Key}: expected {kv.Value}, got {(actual.TryGetValue(kv.Key, out var s) ? s : "none")}"))}), " +
            $"{extra.Count} unexpected keys");
    }

    private string LogTails() => string.Concat(_silos.Select((s, i) => $"\n--- silo {i + 1} ({s.LogPath}), last lines ---\n{s.LogTail()}"));
}
