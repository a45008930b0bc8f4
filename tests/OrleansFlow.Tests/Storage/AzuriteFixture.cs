using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OrleansFlow.Tests.Storage;

/// <summary>
/// A real Azurite blob service for the test run, on 127.0.0.1 and a port of its own, in memory. The executable comes
/// from <c>AZURITE_BLOB</c> or from <c>.tools/node_modules/.bin/azurite-blob</c>, which <c>./test.sh</c> installs.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private Process? _process;

    /// <summary>The connection string of the running Azurite.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>A storage on this Azurite in a container of its own (keeps tests apart), with fast retries.</summary>
    public OrleansFlow.Storage.AzureBlobCheckpointStorage CreateStorage(int uploadBlockSize = 4 << 20, int maxConcurrentBlockUploads = 4, long singleUploadThreshold = 256L << 20) =>
        new(Microsoft.Extensions.Options.Options.Create(new OrleansFlow.Storage.AzureBlobCheckpointStorageOptions
        {
            ConnectionString = ConnectionString,
            ContainerName = "t" + Guid.NewGuid().ToString("N"),
            MaxRetries = 1,
            RetryDelay = TimeSpan.FromMilliseconds(10),
            UploadBlockSize = uploadBlockSize,
            MaxConcurrentBlockUploads = maxConcurrentBlockUploads,
            SingleUploadThreshold = singleUploadThreshold,
        }));

    public async Task InitializeAsync()
    {
        var executable = FindExecutable();
        var port = FreePort();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--blobHost", "127.0.0.1", "--blobPort", port.ToString(), "--inMemoryPersistence", "--disableTelemetry", "--silent" })
            start.ArgumentList.Add(arg);
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"Azurite exited at start with code {_process.ExitCode}: {string.Join(" | ", output)}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                break;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
    }

    public async Task DisposeAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static string FindExecutable()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("AZURITE_BLOB");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(fromEnvironment)) return fromEnvironment;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "OrleansFlow.sln"))) continue;
            var candidate = Path.Combine(dir.FullName, ".tools", "node_modules", ".bin", "azurite-blob");
            if (File.Exists(candidate)) return candidate;
            break;
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

/// <summary>The tests that share one Azurite.</summary>
[CollectionDefinition("azurite")]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>;
