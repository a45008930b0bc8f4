using OrleansFlow.Channels;
using OrleansFlow.Operators;

namespace OrleansFlow.Tasks;

/// <summary>The built chain of one task: its input (or source), operators with a lifecycle in chain order, and output writers.</summary>
internal sealed class OperatorChain(IInputDispatcher? input, ISourceDriver? source, IReadOnlyList<IOperatorLifecycle> operators, IReadOnlyList<IRecordWriter> writers)
{
    public IInputDispatcher? Input { get; } = input;

    public ISourceDriver? Source { get; } = source;

    public IReadOnlyList<IOperatorLifecycle> Operators { get; } = operators;

    public IReadOnlyList<IRecordWriter> Writers { get; } = writers;

    public long RecordsOut => Writers.Sum(w => w.RecordsOut);
}
