using OrleansFlow.Tasks;

namespace OrleansFlow.Operators;

/// <summary>Hands the records of an input batch to the chain's head, in a synchronous loop.</summary>
internal interface IInputDispatcher
{
    /// <summary>Processes a record batch; returns the number of records.</summary>
    int Process(StreamElement batch);
}
