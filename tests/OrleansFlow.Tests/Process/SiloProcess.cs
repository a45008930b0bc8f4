using System.Diagnostics;

namespace OrleansFlow.Tests.Processes;

/// <summary>
/// One OrleansFlow silo running as a separate OS process (<c>dotnet OrleansFlow.Silo.dll</c> as built by <c>./test.sh</c>),
/// its standard output and error captured in a log file, killable with SIGKILL. Disposing kills it if it still runs.
/// </summary>
internal sealed class SiloProcess : IDisposable
{
    private readonly System.Diagnostics.Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logGate = new();

    private SiloProcess(System.Diagnostics.Process process, StreamWriter log, string logPath, int httpPort)
    {
        _process = process;
        _log = log;
        LogPath = logPath;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The file holding the process's standard output and error.</summary>
    public string LogPath { get; }

    /// <summary>A client whose base address is the silo's REST API.</summary>
    public HttpClient Client { get; }

    /// <summary>The OS process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts <c>dotnet OrleansFlow.Silo.dll</c> with <paramref name="args"/> (command-line configuration), the REST API
    /// on 127.0.0.1:<paramref name="httpPort"/>, writing its output to <paramref name="logPath"/>.
    /// </summary>
    public static SiloProcess Start(int httpPort, IEnumerable<string> args, string logPath)
    {
        var dll = SiloDll();
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, // the content root: the silo's appsettings.json (log levels)
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add($"--Urls=http://127.0.0.1:{httpPort}");
        foreach (var arg in args) start.ArgumentList.Add(arg);

        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        log.WriteLine($"# {start.FileName} {string.Join(' ', start.ArgumentList)}");
        var process = new System.Diagnostics.Process { StartInfo = start };
        SiloProcess? silo = null;
        process.OutputDataReceived += (_, e) => silo?.Append(e.Data);
        process.ErrorDataReceived += (_, e) => silo?.Append(e.Data);
        silo = new SiloProcess(process, log, logPath, httpPort);
        if (!process.Start())
        {
            silo.Dispose();
            throw new InvalidOperationException($"Could not start {start.FileName} {dll}.");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>Polls the REST API until it answers (any HTTP answer: Kestrel starts after the silo); fails if the process ends first.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The silo process {_process.Id} exited with code {_process.ExitCode} before its REST API answered.");
            try
            {
                // Not a well-formed job id: answered 404 by the API without activating any grain.
                using var response = await Client.GetAsync("jobs/ready-probe");
                return;
            }
            catch (HttpRequestException e) // not listening yet
            {
                if (clock.Elapsed > timeout)
                    throw new TimeoutException($"The silo's REST API at {Client.BaseAddress} did not answer within {timeout.TotalSeconds} s.", e);
            }
            await Task.Delay(200);
        }
    }

    /// <summary>Kills the process (SIGKILL on Linux: no shutdown code runs) and waits until it is gone; returns its exit code.</summary>
    public async Task<int> KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>
    /// Freezes the process (SIGSTOP): its sockets stay open but it answers nothing, as a silo stalled by a long pause or an
    /// overloaded machine. <see cref="Thaw"/> lets it go on; disposing kills it, frozen or not.
    /// </summary>
    public void Freeze() => Signal("STOP");

    /// <summary>Lets a frozen process go on (SIGCONT).</summary>
    public void Thaw() => Signal("CONT");

    private void Signal(string signal)
    {
        using var kill = System.Diagnostics.Process.Start("kill", ["-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill -{signal} {_process.Id} exited with code {kill.ExitCode}.");
    }

    /// <summary>The last <paramref name="lines"/> lines of the log.</summary>
    public string LogTail(int lines = 40)
    {
        lock (_logGate)
        {
            try
            {
                using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
                var all = reader.ReadToEnd().Split('\n');
                return string.Join('\n', all.TakeLast(lines));
            }
            catch (IOException e)
            {
                return $"(log {LogPath} unreadable: {e.Message})";
            }
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(30));
            }
        }
        catch (InvalidOperationException)
        {
            // Never started, or already gone.
        }
        Client.Dispose();
        _process.Dispose();
        lock (_logGate) _log.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_logGate)
        {
            try
            {
                _log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // Output that arrives after disposal is dropped.
            }
        }
    }

    /// <summary>The silo built in the configuration of this test assembly (Release with <c>./test.sh</c>).</summary>
    private static string SiloDll()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testBin.Name; // bin/{Configuration}/{TargetFramework}
        var configuration = testBin.Parent?.Name ?? "Release";
        var root = RepositoryRoot();
        var dll = Path.Combine(root, "src", "Silo", "bin", configuration, framework, "OrleansFlow.Silo.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException(
                $"The silo is not built: {dll} is missing. Build the solution first (./test.sh does, or `dotnet build -c {configuration} OrleansFlow.sln`).");
        return dll;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrleansFlow.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No OrleansFlow.sln above {AppContext.BaseDirectory}: cannot find the repository root.");
    }

    /// <summary>The dotnet host that runs the tests (<c>DOTNET_HOST_PATH</c>, set by the dotnet CLI), else <c>dotnet</c> on the PATH.</summary>
    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }
}
