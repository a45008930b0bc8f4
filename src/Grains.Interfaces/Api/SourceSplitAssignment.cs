namespace OrleansFlow.Api;

/// <summary>Which splits of a source a subtask reads: contiguous ranges, as key groups are assigned to operator subtasks.</summary>
public static class SourceSplitAssignment
{
    /// <summary>
    /// The splits of subtask <paramref name="subtask"/> of <paramref name="parallelism"/> out of
    /// <paramref name="splitCount"/>: <c>[⌈s·n/p⌉, ⌈(s+1)·n/p⌉)</c>. Every split has exactly one subtask; with more
    /// subtasks than splits some read none.
    /// </summary>
    public static IReadOnlyList<int> SplitsOf(int splitCount, int parallelism, int subtask)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(splitCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        if ((uint)subtask >= (uint)parallelism) throw new ArgumentOutOfRangeException(nameof(subtask), subtask, $"Subtask must be in [0, {parallelism}).");
        var start = (int)(((long)subtask * splitCount + parallelism - 1) / parallelism);
        var end = (int)(((long)(subtask + 1) * splitCount + parallelism - 1) / parallelism);
        return Enumerable.Range(start, end - start).ToArray();
    }
}
