using OrleansFlow.Tasks;

namespace OrleansFlow.Operators;

/// <summary>Hands each input batch of a two-input head to the dispatcher of the input its edge feeds.</summary>
internal sealed class TwoInputDispatcher(IInputDispatcher first, IInputDispatcher second, IReadOnlyList<int> inputOfEdge) : IInputDispatcher
{
    public bool Process(StreamElement batch, int edge, ref int position) =>
        (inputOfEdge[edge] == 0 ? first : second).Process(batch, edge, ref position);
}
