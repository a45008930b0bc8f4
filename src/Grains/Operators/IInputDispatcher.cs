using OrleansFlow.Tasks;

namespace OrleansFlow.Operators;

/// <summary>Hands the records of an input batch to the chain's head, in a synchronous loop.</summary>
internal interface IInputDispatcher
{
    /// <summary>
    /// Processes a record batch that came over input edge <paramref name="edge"/> (the vertex's input ordinal), from
    /// record <paramref name="position"/> on, and advances it. Returns true when the whole
    /// batch was applied (its buffers are then handed back), false when it stopped at a record boundary because the task
    /// must wait for network memory; the caller waits and calls again with the same position.
    /// </summary>
    bool Process(StreamElement batch, int edge, ref int position);
}
