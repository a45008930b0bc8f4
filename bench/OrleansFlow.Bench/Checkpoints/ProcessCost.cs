using System.Diagnostics;

namespace OrleansFlow.Bench.Checkpoints;

/// <summary>
/// What a span of time cost the whole process: GC pause time, gen-2 collections, bytes allocated, CPU time (user +
/// system) and the system part of it. CPU time well below wall time × cores means the process waited (on I/O, or on
/// neighbours of a shared machine); a large system part is the kernel's work: page faults on fresh memory, file writes.
/// </summary>
public sealed record ProcessCost(TimeSpan GcPause, int Gen2Collections, long AllocatedBytes, TimeSpan Cpu, TimeSpan SystemCpu)
{
    /// <summary>Nothing measured.</summary>
    public static readonly ProcessCost None = new(TimeSpan.Zero, 0, 0, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>The process's counters now; subtract two readings with <see cref="Since"/>.</summary>
    public static ProcessCost Now()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return new(GC.GetTotalPauseDuration(), GC.CollectionCount(2), GC.GetTotalAllocatedBytes(precise: true), process.TotalProcessorTime, process.PrivilegedProcessorTime);
    }

    /// <summary>The cost from <paramref name="start"/> (an earlier <see cref="Now"/>) to now.</summary>
    public static ProcessCost Since(ProcessCost start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var now = Now();
        return new(now.GcPause - start.GcPause, now.Gen2Collections - start.Gen2Collections, now.AllocatedBytes - start.AllocatedBytes, now.Cpu - start.Cpu, now.SystemCpu - start.SystemCpu);
    }

    /// <summary>E.g. <c>GC pause 812 ms (3 gen2), allocated 2.1 GB, CPU 9.8 s (system 4.2 s)</c>.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"GC pause {GcPause.TotalMilliseconds:0} ms ({Gen2Collections} gen2), allocated {ByteSize.Format(AllocatedBytes)}, CPU {Cpu.TotalSeconds:0.00} s (system {SystemCpu.TotalSeconds:0.00} s)");
}
