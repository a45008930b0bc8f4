namespace OrleansFlow.Bench.Checkpoints;

/// <summary>
/// The loop the state-size benchmarks share: a 1 MB warm-up per storage (a failure is reported, not counted), then one
/// measurement per (storage, size) whose table rows are printed as they come and again, under the header, at the end.
/// A failed measurement becomes a FAILED row of <c>columns</c> cells.
/// </summary>
internal static class StorageSizeMatrix
{
    /// <summary>
    /// Measures with <paramref name="measure"/>(storage, target bytes, rounds, label) → table rows; returns the number of
    /// (storage, size) pairs that failed.
    /// </summary>
    public static async Task<int> RunAsync(
        CheckpointBenchOptions options, TextWriter output, int warmupRounds, IEnumerable<string> header, int columns,
        Func<StorageKind, long, int, string, Task<IReadOnlyList<string>>> measure)
    {
        foreach (var kind in options.Storages)
        {
            try
            {
                await measure(kind, 1_000_000, warmupRounds, "warm-up");
            }
            catch (Exception e)
            {
                output.WriteLine($"  warm-up on {kind}: FAILED: {e.GetType().Name}: {e.Message}");
            }
        }

        var rows = new List<string>();
        var failures = 0;
        foreach (var kind in options.Storages)
        {
            foreach (var size in options.StateSizes)
            {
                try
                {
                    foreach (var row in await measure(kind, size, options.Rounds, "measured"))
                    {
                        rows.Add(row);
                        output.WriteLine("  " + row);
                    }
                }
                catch (Exception e)
                {
                    failures++;
                    var empty = string.Concat(Enumerable.Repeat(" |", columns - 3));
                    rows.Add($"| {kind.ToString().ToLowerInvariant()} | {ByteSize.Format(size)} | FAILED: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")} |{empty}");
                    output.WriteLine("  " + rows[^1]);
                }
            }
        }
        output.WriteLine();
        foreach (var line in header) output.WriteLine(line);
        foreach (var row in rows) output.WriteLine(row);
        return failures;
    }
}
