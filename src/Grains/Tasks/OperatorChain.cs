using OrleansFlow.Channels;
using OrleansFlow.Operators;

namespace OrleansFlow.Tasks;

/// <summary>The built chain of one task: its input (or source), operators with a lifecycle in chain order, and output writers.</summary>
internal sealed class OperatorChain(
    IInputDispatcher? input, ISourceDriver? source, string? sourceUid, IReadOnlyList<IStreamOperator> operators, IReadOnlyList<IRecordWriter> writers,
    Network.TaskBufferBudget? budget)
{
    public IInputDispatcher? Input { get; } = input;

    public ISourceDriver? Source { get; } = source;

    /// <summary>The source operator's uid (its offset is recorded under it).</summary>
    public string? SourceUid { get; } = sourceUid;

    /// <summary>The operators whose keyed state checkpoints capture.</summary>
    public IEnumerable<IStatefulOperator> StatefulOperators => Operators.OfType<IStatefulOperator>();

    /// <summary>The operators that can hold operator (non-keyed) state.</summary>
    public IEnumerable<IOperatorStateOwner> OperatorStateOwners => Operators.OfType<IOperatorStateOwner>();

    /// <summary>The sinks with exactly-once output (two-phase commit).</summary>
    public IEnumerable<ITransactionalSinkOperator> TransactionalSinks => Operators.OfType<ITransactionalSinkOperator>();

    /// <summary>Every operator after the source (if any), in chain order: the first is the head that takes the task's input.</summary>
    public IReadOnlyList<IStreamOperator> Operators { get; } = operators;

    /// <summary>The task's input watermark or idleness enters the chain at its head (the writers, when the chain has no operator).</summary>
    public void ProcessEventTime(Tasks.StreamElement element)
    {
        if (Operators.Count > 0)
        {
            if (element is Tasks.Watermark watermark) Operators[0].ProcessWatermark(watermark);
            else Operators[0].ProcessWatermarkStatus((Tasks.WatermarkStatus)element);
            return;
        }
        foreach (var writer in Writers) writer.BroadcastElement(element);
    }

    public IReadOnlyList<IRecordWriter> Writers { get; } = writers;

    /// <summary>The task's share of network memory when it has outputs.</summary>
    public Network.TaskBufferBudget? Budget { get; } = budget;

    public long RecordsOut => Writers.Sum(w => w.RecordsOut);

    /// <summary>Records the chain's operators dropped as late for event time.</summary>
    public long LateRecordsDropped => Operators.OfType<Api.ILateRecordsMetric>().Sum(o => o.LateRecordsDropped);
}
