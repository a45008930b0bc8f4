using OrleansFlow.Channels;
using OrleansFlow.Operators;

namespace OrleansFlow.Tasks;

/// <summary>The built chain of one task: its input (or source), operators with a lifecycle in chain order, and output writers.</summary>
internal sealed class OperatorChain(
    IInputDispatcher? input, ISourceDriver? source, string? sourceUid, IReadOnlyList<IOperatorLifecycle> operators, IReadOnlyList<IRecordWriter> writers,
    Network.TaskBufferBudget? budget)
{
    public IInputDispatcher? Input { get; } = input;

    public ISourceDriver? Source { get; } = source;

    /// <summary>The source operator's uid (its offset is recorded under it).</summary>
    public string? SourceUid { get; } = sourceUid;

    /// <summary>The operators whose keyed state checkpoints capture.</summary>
    public IEnumerable<IStatefulOperator> StatefulOperators => Operators.OfType<IStatefulOperator>();

    /// <summary>The sinks with exactly-once output (two-phase commit).</summary>
    public IEnumerable<ITransactionalSinkOperator> TransactionalSinks => Operators.OfType<ITransactionalSinkOperator>();

    public IReadOnlyList<IOperatorLifecycle> Operators { get; } = operators;

    public IReadOnlyList<IRecordWriter> Writers { get; } = writers;

    /// <summary>The task's share of network memory when it has outputs.</summary>
    public Network.TaskBufferBudget? Budget { get; } = budget;

    public long RecordsOut => Writers.Sum(w => w.RecordsOut);
}
