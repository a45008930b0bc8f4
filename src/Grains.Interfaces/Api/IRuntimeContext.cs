using OrleansFlow.State;

namespace OrleansFlow.Api;

/// <summary>What a function sees of the subtask it runs in.</summary>
public interface IRuntimeContext
{
    /// <summary>The job's id.</summary>
    string JobId { get; }

    /// <summary>The job's deployment attempt (1, then one more per restart).</summary>
    int Attempt { get; }

    /// <summary>The operator's uid.</summary>
    string OperatorUid { get; }

    /// <summary>The subtask's index, from 0.</summary>
    int SubtaskIndex { get; }

    /// <summary>The operator's parallelism.</summary>
    int Parallelism { get; }

    /// <summary>The job's max parallelism.</summary>
    int MaxParallelism { get; }

    /// <summary>Keyed state of this operator, addressed by the current key.</summary>
    IKeyedStateStore State { get; }
}
