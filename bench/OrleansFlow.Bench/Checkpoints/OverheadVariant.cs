using System.Globalization;

namespace OrleansFlow.Bench.Checkpoints;

/// <summary>One row of the checkpoint-overhead table: keyed-sum with checkpoints every <paramref name="IntervalMs"/> (0 = off) into <paramref name="Storage"/>.</summary>
public sealed record OverheadVariant(StorageKind Storage, long IntervalMs)
{
    /// <summary>The row name, e.g. <c>checkpoints off</c> or <c>every 1 s, folder</c>.</summary>
    public string Name => IntervalMs == 0
        ? "checkpoints off"
        : string.Create(CultureInfo.InvariantCulture, $"every {IntervalMs / 1000.0:0.###} s, {Storage.ToString().ToLowerInvariant()}");
}
