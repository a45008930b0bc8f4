using System.Globalization;

namespace OrleansFlow.Bench.SiloProcesses;

/// <summary>A process's resident memory from <c>/proc/{pid}/status</c> (Linux): now (<c>VmRSS</c>) and its peak (<c>VmHWM</c>).</summary>
public static class ProcessMemory
{
    /// <summary>The current resident set in bytes, or null when the process is gone.</summary>
    public static long? Resident(int pid) => Read(pid, "VmRSS:");

    /// <summary>The peak resident set ("high water mark") in bytes, or null when the process is gone.</summary>
    public static long? PeakResident(int pid) => Read(pid, "VmHWM:");

    private static long? Read(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (!line.StartsWith(field, StringComparison.Ordinal)) continue;
                var kb = line[field.Length..].Trim().Split(' ')[0]; // "VmHWM:   123456 kB"
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (IOException)
        {
        }
        return null;
    }
}
