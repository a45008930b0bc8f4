using OrleansFlow.State;
using OrleansFlow.Tasks;

namespace OrleansFlow.Checkpointing;

/// <summary>
/// Which share of each operator state a new subtask restores (pure; Flink's <c>RoundRobinOperatorStateRepartitioner</c>
/// rules):
/// <list type="bullet">
/// <item><see cref="OperatorStateMode.SplitDistribute"/>: at the same parallelism, subtask i keeps what subtask i wrote;
/// otherwise the elements of all old subtasks, in subtask order, are cut into <c>parallelism</c> contiguous shares whose
/// sizes differ by at most one (the first <c>n % parallelism</c> shares one larger);</item>
/// <item><see cref="OperatorStateMode.Union"/>: every element of every old subtask;</item>
/// <item><see cref="OperatorStateMode.Broadcast"/>: the one copy, from the lowest old subtask that wrote it.</item>
/// </list>
/// </summary>
internal static class OperatorStateRedistribution
{
    /// <summary>The shares of <paramref name="op"/>'s operator states that <paramref name="subtask"/> of <paramref name="parallelism"/> restores.</summary>
    public static IEnumerable<TaskOperatorStateRestore> SharesOf(OperatorStateMetadata op, int subtask, int parallelism, Func<OperatorStateFileMetadata, string> pathOf)
    {
        var files = op.OperatorStates.OrderBy(f => f.Subtask).ToList();
        var names = files.SelectMany(f => f.States.Select(s => s.Name)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var holders = files.Select(f => (File: f, State: f.States.FirstOrDefault(s => s.Name == name))).Where(h => h.State is not null).ToList();
            var mode = holders[0].State!.Mode;
            TaskOperatorStateRestore Share(OperatorStateFileMetadata file, int skip, int take) =>
                new(op.Uid, pathOf(file), file.Size, file.Checksum, name, skip, take);
            switch (mode)
            {
                case OperatorStateMode.Broadcast:
                    yield return Share(holders[0].File, 0, holders[0].State!.Count);
                    break;
                case OperatorStateMode.Union:
                    foreach (var (file, state) in holders) yield return Share(file, 0, state!.Count);
                    break;
                default:
                    if (op.Parallelism == parallelism)
                    {
                        foreach (var (file, state) in holders.Where(h => h.File.Subtask == subtask)) yield return Share(file, 0, state!.Count);
                        break;
                    }
                    var total = holders.Sum(h => (long)h.State!.Count);
                    var (start, end) = EvenShare(total, subtask, parallelism);
                    long first = 0;
                    foreach (var (file, state) in holders)
                    {
                        long from = Math.Max(start, first), to = Math.Min(end, first + state!.Count);
                        if (from < to) yield return Share(file, (int)(from - first), (int)(to - from));
                        first += state.Count;
                    }
                    break;
            }
        }
    }

    /// <summary>Elements <c>[start, end)</c> of <paramref name="total"/> that share <paramref name="index"/> of <paramref name="shares"/> holds.</summary>
    public static (long Start, long End) EvenShare(long total, int index, int shares)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        ArgumentOutOfRangeException.ThrowIfLessThan(shares, 1);
        if (index < 0 || index >= shares) throw new ArgumentOutOfRangeException(nameof(index), index, $"A share index is in [0, {shares}).");
        long size = total / shares, larger = total % shares;
        var start = index * size + Math.Min(index, larger);
        return (start, start + size + (index < larger ? 1 : 0));
    }
}
