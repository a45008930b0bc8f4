using OrleansFlow.Tasks;

namespace OrleansFlow.Operators;

/// <summary>
/// One operator of a chain (Flink's <c>StreamOperator</c>). Protocol, on the task's turn, in chain order (head first):
/// <list type="number">
/// <item>state is restored (<see cref="IStatefulOperator.RestoreState"/>, for operators that have state), then
/// <see cref="Open"/> once;</item>
/// <item>elements (per input: <see cref="IOneInputStreamOperator{TIn}"/>), with <see cref="ProcessWatermark"/> and
/// <see cref="ProcessWatermarkStatus"/> in between, in the order they arrived; an operator forwards event time to its
/// output after acting on it;</item>
/// <item>at a checkpoint's barrier the synchronous snapshot (<see cref="IStatefulOperator.BeginSnapshot"/>,
/// <see cref="ITransactionalSinkOperator.SnapshotAsync"/>); later <see cref="NotifyCheckpointComplete"/> or
/// <see cref="NotifyCheckpointAborted"/>;</item>
/// <item><see cref="EndInput"/> once, when every input ended (the operator may emit then);</item>
/// <item><see cref="IDisposable.Dispose"/> when the task ends for any reason.</item>
/// </list>
/// An exception fails the task.
/// </summary>
internal interface IStreamOperator : IDisposable
{
    void Open();

    /// <summary>Event time reached <paramref name="watermark"/>: act on it (timers, windows), then forward it.</summary>
    void ProcessWatermark(Watermark watermark);

    /// <summary>The input became idle or active: forward it.</summary>
    void ProcessWatermarkStatus(WatermarkStatus status);

    /// <summary>Every input ended.</summary>
    void EndInput();

    /// <summary>Checkpoint <paramref name="checkpointId"/> completed (every task acknowledged it).</summary>
    void NotifyCheckpointComplete(long checkpointId);

    /// <summary>Checkpoint <paramref name="checkpointId"/> was aborted.</summary>
    void NotifyCheckpointAborted(long checkpointId);
}
