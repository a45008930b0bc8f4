using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansFlow.Bench.SiloProcesses;

/// <summary>
/// One OrleansFlow silo as an OS process (<c>dotnet OrleansFlow.Silo.dll</c> of some build), with its REST API on
/// 127.0.0.1 and ports of its own; a background sampler keeps the highest resident set it saw (beside the kernel's
/// <c>VmHWM</c>). Disposing kills it.
/// </summary>
public sealed class BenchSiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _sampledPeak;

    private BenchSiloProcess(Process process, Uri api)
    {
        _process = process;
        Api = api;
        Http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(30) };
        _sampler = SampleAsync(_stop.Token);
    }

    public Uri Api { get; }

    public HttpClient Http { get; }

    public int Pid => _process.Id;

    /// <summary>The kernel's peak resident set of the process so far (<c>VmHWM</c>).</summary>
    public long PeakResident => ProcessMemory.PeakResident(_process.Id) ?? Volatile.Read(ref _sampledPeak);

    /// <summary>The resident set now.</summary>
    public long Resident => ProcessMemory.Resident(_process.Id) ?? 0;

    /// <summary>Starts a silo of <paramref name="siloDll"/> and waits until <c>/healthz/ready</c> answers 200.</summary>
    public static async Task<BenchSiloProcess> StartAsync(string siloDll, string dataDirectory, string? redis, int slots)
    {
        var httpPort = FreePort.Next();
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(siloDll);
        foreach (var arg in new[]
        {
            $"--Urls=http://127.0.0.1:{httpPort}",
            $"--Orleans:SiloPort={FreePort.Next()}", $"--Orleans:GatewayPort={FreePort.Next()}",
            $"--OrleansFlow:DataDirectory={dataDirectory}", $"--OrleansFlow:TaskSlots={slots}",
            "--Logging:LogLevel:Default=Warning",
        }) start.ArgumentList.Add(arg);
        if (redis is not null)
        {
            start.ArgumentList.Add("--Orleans:Clustering=redis");
            start.ArgumentList.Add($"--Orleans:Redis={redis}");
        }
        start.Environment["DOTNET_gcServer"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {siloDll}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var silo = new BenchSiloProcess(process, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{httpPort}/")));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"Silo {siloDll} exited with {process.ExitCode} while starting.");
            try
            {
                using var ready = await silo.Http.GetAsync("healthz/ready");
                if (ready.IsSuccessStatusCode) return silo;
            }
            catch (HttpRequestException)
            {
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Silo {siloDll} was not ready within 90 s.");
            await Task.Delay(100);
        }
    }

    /// <summary>Submits <paramref name="body"/> to <c>POST /jobs</c>; returns the job id.</summary>
    public async Task<string> SubmitAsync(object body)
    {
        using var response = await Http.PostAsJsonAsync("jobs", body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST /jobs answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("jobId").GetString()!;
    }

    /// <summary>Polls <c>GET /jobs/{id}</c> every <paramref name="poll"/> until the job is terminal; returns its last answer.</summary>
    public async Task<JsonElement> WaitForTerminalAsync(string jobId, TimeSpan poll, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var job = await Http.GetFromJsonAsync<JsonElement>($"jobs/{jobId}");
            var status = job.GetProperty("status").GetString();
            if (status is "FINISHED" or "FAILED" or "CANCELED") return job;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Job {jobId} still {status} after {timeout}.");
            await Task.Delay(poll);
        }
    }

    private async Task SampleAsync(CancellationToken token)
    {
        try
        {
            while (!token.IsCancellationRequested)
            {
                if (ProcessMemory.Resident(_process.Id) is { } rss && rss > Volatile.Read(ref _sampledPeak)) Volatile.Write(ref _sampledPeak, rss);
                await Task.Delay(20, token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        Http.Dispose();
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _stop.Dispose();
    }
}
