using OrleansFlow.Api;
using OrleansFlow.State;

namespace OrleansFlow.Operators;

/// <summary>The <see cref="IRuntimeContext"/> of one operator in one subtask.</summary>
internal sealed class OperatorContext(string operatorUid, int subtaskIndex, int parallelism, int maxParallelism, IKeyedStateStore? state, string jobId = "", int attempt = 1)
    : IRuntimeContext
{
    public string JobId { get; } = jobId;

    public int Attempt { get; } = attempt;

    public string OperatorUid { get; } = operatorUid;

    public int SubtaskIndex { get; } = subtaskIndex;

    public int Parallelism { get; } = parallelism;

    public int MaxParallelism { get; } = maxParallelism;

    public IKeyedStateStore State => state ?? throw new InvalidOperationException(
        $"Operator '{OperatorUid}' is not keyed: keyed state is only available after KeyBy(...).");
}
