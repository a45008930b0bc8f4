namespace OrleansFlow.Bench.SiloProcesses;

/// <summary>A build of the silo to run as processes: a label for the table and its <c>OrleansFlow.Silo.dll</c>.</summary>
public sealed record SiloBuild(string Label, string SiloDll)
{
    /// <summary>Parses <c>label=path/OrleansFlow.Silo.dll,label=…</c>.</summary>
    public static IReadOnlyList<SiloBuild> ParseList(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(item =>
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new ArgumentException($"--silo-builds: '{item}' is not label=path/OrleansFlow.Silo.dll.");
            var dll = Path.GetFullPath(item[(eq + 1)..]);
            if (!File.Exists(dll)) throw new ArgumentException($"--silo-builds: {dll} does not exist (build it with dotnet build -c Release src/Silo).");
            return new SiloBuild(item[..eq], dll);
        }).ToList();

    /// <summary>This checkout's Release build of the silo, next to <c>OrleansFlow.sln</c>.</summary>
    public static SiloBuild Current()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "OrleansFlow.sln"))) continue;
            var dll = Path.Combine(dir.FullName, "src", "Silo", "bin", "Release", "net10.0", "OrleansFlow.Silo.dll");
            if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} does not exist: dotnet build -c Release src/Silo first.");
            return new SiloBuild("this", dll);
        }
        throw new InvalidOperationException("OrleansFlow.sln not found above the bench's folder.");
    }
}
