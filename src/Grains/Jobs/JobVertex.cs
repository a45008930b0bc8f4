using OrleansFlow.Api.Graph;

namespace OrleansFlow.Jobs;

/// <summary>A chain of operators that runs in one task per subtask.</summary>
internal sealed class JobVertex(int index, int parallelism, IReadOnlyList<Transformation> chain)
{
    public int Index { get; } = index;

    /// <summary>The uid of the chain's first operator.</summary>
    public string Uid => Chain[0].Uid;

    public int Parallelism { get; } = parallelism;

    /// <summary>Operators in data-flow order; the first is the head, the last the tail.</summary>
    public IReadOnlyList<Transformation> Chain { get; } = chain;

    public List<JobEdge> Inputs { get; } = [];

    public List<JobEdge> Outputs { get; } = [];

    public bool IsSource => Chain[0].Input is null;

    /// <summary>Whether its records carry event time: it holds a source with a watermark strategy, or an upstream vertex does.</summary>
    public bool HasEventTime => Chain.Any(t => t.StartsEventTime) || Inputs.Any(e => e.Source.HasEventTime);

    /// <summary>The number of input channels of each subtask: one per upstream subtask per input edge.</summary>
    public int InputChannelCount => Inputs.Sum(e => e.Source.Parallelism);

    /// <summary>The first input-channel slot of input edge <paramref name="inputOrdinal"/>.</summary>
    public int InputChannelOffset(int inputOrdinal) => Inputs.Take(inputOrdinal).Sum(e => e.Source.Parallelism);
}
