using System.Globalization;
using System.Text.Json;
using OrleansFlow.Bench.Baselines;
using OrleansFlow.Bench.Checkpoints;

namespace OrleansFlow.Bench.SiloProcesses;

/// <summary>
/// keyed-sum on real silo processes (<c>dotnet OrleansFlow.Silo.dll</c>) of one or more builds, submitted through the
/// REST API, fresh processes every round, rounds interleaved across builds and scenarios:
/// <list type="bullet">
/// <item><c>silo-rss</c>: each silo's peak resident set (the kernel's <c>VmHWM</c>) for keyed-sum at p = 8 on one silo
/// (all-to-all, 64 channels) and at p = 16 on two silos (the default 8 slots each; Redis clustering, a redis-server the
/// bench starts), beside the silo's resident set when ready and idle.</item>
/// <item><c>silo-throughput</c>: keyed-sum p = 1 and p = 2 on one silo, events per second from the job's own start and end times.</item>
/// <item><c>silo-event-time</c>: at p = 1 on one silo, on the same events (window-sum's, 100,000 keys): keyed-sum,
/// window-sum tumbling 1 s, sliding 1 s / 250 ms and 60 s / 1 s, sessions with a 100 ms gap, and event-timers (one
/// event-time timer per record, all fired).</item>
/// </list>
/// Every run checks that the keyed vertex received exactly the events generated.
/// </summary>
public sealed class SiloProcessBenchmark(TextWriter output)
{
    public const string RssName = "silo-rss";
    public const string ThroughputName = "silo-throughput";
    public const string EventTimeName = "silo-event-time";

    private sealed record Scenario(string Name, int Parallelism, int Silos, long Events, string Job = "keyed-sum", string KeyedUid = "sum", Dictionary<string, string>? Args = null);

    public async Task<int> RunAsync(IReadOnlySet<string> selected, IReadOnlyList<SiloBuild> builds, long events, int rounds, long keys = 100_000, IReadOnlyList<string>? scenarioFilter = null, int warmJobs = 0)
    {
        var scenarios = new List<Scenario>();
        if (selected.Contains(RssName))
        {
            scenarios.Add(new Scenario("p=8, 1 silo", 8, 1, events));
            scenarios.Add(new Scenario("p=16, 2 silos", 16, 2, events));
        }
        if (selected.Contains(ThroughputName))
        {
            scenarios.Add(new Scenario("p=1, 1 silo", 1, 1, events));
            scenarios.Add(new Scenario("p=2, 1 silo", 2, 1, events));
        }
        if (selected.Contains(EventTimeName))
        {
            scenarios.Add(new Scenario("keyed-sum p=1", 1, 1, events));
            scenarios.Add(new Scenario("tumbling 1 s p=1", 1, 1, events, "window-sum", "window", new() { ["windowMs"] = "1000" }));
            scenarios.Add(new Scenario("sliding 1 s/250 ms p=1", 1, 1, events, "window-sum", "window", new() { ["windowMs"] = "1000", ["slideMs"] = "250" }));
            scenarios.Add(new Scenario("sliding 60 s/1 s p=1", 1, 1, events, "window-sum", "window", new() { ["windowMs"] = "60000", ["slideMs"] = "1000" }));
            scenarios.Add(new Scenario("sessions 100 ms p=1", 1, 1, events, "window-sum", "window", new() { ["gapMs"] = "100" }));
            scenarios.Add(new Scenario("event-timers p=1", 1, 1, events, "event-timers", "timers"));
        }
        if (scenarioFilter is { Count: > 0 })
            scenarios.RemoveAll(s => !scenarioFilter.Any(f => s.Name.Contains(f, StringComparison.OrdinalIgnoreCase)));
        if (scenarios.Count == 0) return 0;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"silo processes: {string.Join(", ", scenarios.Select(s => s.Job).Distinct())}, {events:N0} events, {keys:N0} keys, builds {string.Join(", ", builds.Select(b => $"{b.Label} ({b.SiloDll})"))}, 1 warm-up + {rounds} rounds"));
        var results = new Dictionary<(string Build, string Scenario), List<SiloRun>>();
        var failures = 0;
        for (var round = 0; round <= rounds; round++)
        {
            var order = builds.SelectMany(b => scenarios.Select(s => (Build: b, Scenario: s))).ToList();
            for (var i = 0; i < round % order.Count; i++) order.Add(order[i]); // rotate the order each round
            foreach (var (build, scenario) in order.Skip(round % order.Count))
            {
                var label = round == 0 ? "warm-up" : $"round {round}";
                try
                {
                    var run = await RunOnceAsync(build, scenario, keys, warmJobs);
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {label}, {build.Label}, {scenario.Name}: {run.Seconds:0.000} s, {BaselineRunner.FormatRate(run.EventsPerSecond)} events/s, silo idle {ByteSize.Format(run.IdleResident)}, peak {ByteSize.Format(run.PeakResident)}"));
                    if (round > 0)
                    {
                        if (!results.TryGetValue((build.Label, scenario.Name), out var list)) results[(build.Label, scenario.Name)] = list = [];
                        list.Add(run);
                    }
                }
                catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or JsonException)
                {
                    failures++;
                    output.WriteLine($"  {label}, {build.Label}, {scenario.Name}: FAILED: {e.Message}");
                }
            }
        }
        output.WriteLine();
        output.WriteLine("| build | scenario | events | median s | median events/s | best events/s | vs first build (median events/s) | silo idle RSS (median) | silo peak RSS (median) | silo peak RSS (max) |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var scenario in scenarios)
        {
            double? reference = null;
            foreach (var build in builds)
            {
                if (!results.TryGetValue((build.Label, scenario.Name), out var list) || list.Count == 0) continue;
                var rate = Medians.Of(list.Select(r => r.EventsPerSecond));
                reference ??= rate;
                var versus = build == builds[0] ? "–" : string.Create(CultureInfo.InvariantCulture, $"{(rate / reference.Value - 1) * 100:+0.0;-0.0;0.0} %");
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {build.Label} | {scenario.Name} | {scenario.Events:N0} | {Medians.Of(list.Select(r => r.Seconds)):0.000} | {BaselineRunner.FormatRate(rate)} | {BaselineRunner.FormatRate(list.Max(r => r.EventsPerSecond))} | {versus} | {ByteSize.Format((long)Medians.Of(list.Select(r => (double)r.IdleResident)))} | {ByteSize.Format((long)Medians.Of(list.Select(r => (double)r.PeakResident)))} | {ByteSize.Format(list.Max(r => r.PeakResident))} |"));
            }
        }
        return failures;
    }

    /// <summary>
    /// One measured run of <paramref name="scenario"/> in fresh silo processes, after <paramref name="warmJobs"/> runs of the
    /// same job in those processes that are not measured (so the measured one runs with the JIT's code tiered up).
    /// </summary>
    private static async Task<SiloRun> RunOnceAsync(SiloBuild build, Scenario scenario, long keys, int warmJobs)
    {
        var data = Path.Combine(Path.GetTempPath(), "orleansflow-bench-silo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var redis = scenario.Silos > 1 ? await RedisServer.StartAsync() : null;
        var silos = new List<BenchSiloProcess>();
        try
        {
            for (var s = 0; s < scenario.Silos; s++) silos.Add(await BenchSiloProcess.StartAsync(build.SiloDll, data, redis?.ConnectionString, slots: 8));
            if (silos.Count > 1) await WaitForSlotsAsync(silos[0], 8 * silos.Count);
            await Task.Delay(1000); // let start-up settle before the idle reading
            var idle = silos.Max(s => s.Resident);
            var args = new Dictionary<string, string>(scenario.Args ?? []) { ["events"] = scenario.Events.ToString(CultureInfo.InvariantCulture), ["keys"] = keys.ToString(CultureInfo.InvariantCulture) };
            for (var w = 0; w < warmJobs; w++) await RunJobAsync(silos[0], scenario, args);
            var job = await RunJobAsync(silos[0], scenario, args);
            var peak = silos.Max(s => s.PeakResident);
            var received = job.GetProperty("vertices").EnumerateArray().Single(v => v.GetProperty("uid").GetString() == scenario.KeyedUid).GetProperty("recordsIn").GetInt64();
            if (received != scenario.Events) throw new InvalidOperationException($"the {scenario.KeyedUid} vertex received {received:N0} records, expected {scenario.Events:N0}");
            var seconds = (job.GetProperty("endTime").GetDateTimeOffset() - job.GetProperty("startTime").GetDateTimeOffset()).TotalSeconds;
            return new SiloRun(idle, peak, seconds, scenario.Events);
        }
        finally
        {
            foreach (var silo in silos) await silo.DisposeAsync();
            if (redis is not null) await redis.DisposeAsync();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<JsonElement> RunJobAsync(BenchSiloProcess silo, Scenario scenario, Dictionary<string, string> args)
    {
        var jobId = await silo.SubmitAsync(new { job = scenario.Job, parallelism = scenario.Parallelism, maxParallelism = 128, args });
        var job = await silo.WaitForTerminalAsync(jobId, TimeSpan.FromMilliseconds(200), TimeSpan.FromMinutes(10));
        if (job.GetProperty("status").GetString() != "FINISHED")
            throw new InvalidOperationException($"job {jobId} ended {job.GetProperty("status").GetString()}: {job.GetProperty("failureCause")}");
        return job;
    }

    /// <summary>Waits until <c>GET /overview</c> counts <paramref name="slots"/> task slots (every silo joined).</summary>
    private static async Task WaitForSlotsAsync(BenchSiloProcess silo, int slots)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var overview = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<JsonElement>(silo.Http, "overview");
            if (overview.TryGetProperty("slots-total", out var total) && total.GetInt32() >= slots) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the cluster did not reach {slots} task slots within 60 s");
            await Task.Delay(200);
        }
    }
}
