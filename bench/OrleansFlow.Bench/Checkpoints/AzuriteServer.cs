using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OrleansFlow.Bench.Checkpoints;

/// <summary>
/// An Azurite blob service the bench starts itself: on 127.0.0.1 and a free port, persisting to a temporary folder
/// (<c>--location</c>, so blobs go to the disk as a real service's would, not to memory), without telemetry or access
/// log. Disposing stops the process this instance started and deletes the folder. The executable comes from
/// <c>AZURITE_BLOB</c> or from <c>.tools/node_modules/.bin/azurite-blob</c> next to <c>OrleansFlow.sln</c>, which
/// <c>./test.sh</c> installs.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly Process _process;
    private readonly string _location;

    private AzuriteServer(Process process, string location, int port)
    {
        _process = process;
        _location = location;
        Port = port;
        ConnectionString = string.Create(CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;");
    }

    /// <summary>The blob port.</summary>
    public int Port { get; }

    /// <summary>The CPU time (user + system) Azurite's process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The connection string of the devstoreaccount1 account.</summary>
    public string ConnectionString { get; }

    /// <summary>The Azurite version (from its package.json), or "?" when not found.</summary>
    public static string Version()
    {
        try
        {
            var executable = FindExecutable();
            var package = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(executable)!, "..", "azurite", "package.json"));
            var line = File.ReadLines(package).FirstOrDefault(l => l.TrimStart().StartsWith("\"version\"", StringComparison.Ordinal));
            return line?.Split('"').ElementAtOrDefault(3) ?? "?"; //   "version": "3.37.0",
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            return "?";
        }
    }

    /// <summary>Starts Azurite and waits until it accepts connections.</summary>
    public static async Task<AzuriteServer> StartAsync()
    {
        var executable = FindExecutable();
        var location = Path.Combine(Path.GetTempPath(), "orleansflow-bench-azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(location);
        var port = FreePort();
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--blobHost", "127.0.0.1", "--blobPort", port.ToString(CultureInfo.InvariantCulture), "--location", location, "--disableTelemetry", "--silent" })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var output = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new AzuriteServer(process, location, port);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (process.HasExited)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"Azurite exited at start with code {process.ExitCode}: {string.Join(" | ", output)}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Stops the process this instance started (by its handle) and deletes the data folder.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        finally
        {
            _process.Dispose();
            if (Directory.Exists(_location)) Directory.Delete(_location, recursive: true);
        }
    }

    private static string FindExecutable()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("AZURITE_BLOB");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(fromEnvironment)) return fromEnvironment;
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "OrleansFlow.sln"))) continue;
                var candidate = Path.Combine(dir.FullName, ".tools", "node_modules", ".bin", "azurite-blob");
                if (File.Exists(candidate)) return candidate;
                break;
            }
        }
        throw new InvalidOperationException(
            "Azurite is not installed: run ./test.sh (it installs Azurite into .tools/ with npm) or set AZURITE_BLOB to an azurite-blob executable.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
