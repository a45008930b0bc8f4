namespace OrleansFlow.Operators.EventTime;

/// <summary>
/// The event time of the record a task is processing, shared by its chain (Flink carries it in <c>StreamRecord</c>):
/// whoever hands a record to the chain sets it first (a source's timestamp assigner, or the input dispatcher from the
/// batch), operators read it (<c>KeyedContext.Timestamp</c>), and record writers send it with the record. Exists only
/// in tasks downstream of a source with a watermark strategy. On the task's turn.
/// </summary>
internal sealed class RecordTimestamp
{
    /// <summary>The current record's event time in epoch milliseconds (<see cref="long.MinValue"/>: none).</summary>
    public long Current = long.MinValue;
}
