using System.Runtime;
using System.Runtime.InteropServices;

namespace OrleansFlow.Bench;

/// <summary>Describes the machine and runtime a benchmark ran on.</summary>
public static class MachineInfo
{
    public static IEnumerable<string> Describe()
    {
        yield return $"CPU:     {CpuModel()}";
        yield return $"Cores:   {Environment.ProcessorCount}";
        yield return $"OS:      {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})";
        yield return $".NET:    {RuntimeInformation.FrameworkDescription}";
        yield return $"GC:      {(GCSettings.IsServerGC ? "server" : "workstation")}, {GCSettings.LatencyMode}";
    }

    private static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        try
        {
            if (File.Exists(cpuInfo))
            {
                foreach (var line in File.ReadLines(cpuInfo))
                {
                    if (line.StartsWith("model name", StringComparison.Ordinal))
                    {
                        int colon = line.IndexOf(':');
                        return colon >= 0 ? line[(colon + 1)..].Trim() : line;
                    }
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}
