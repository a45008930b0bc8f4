namespace OrleansFlow.Tasks;

/// <summary>The last element on a channel whose upstream subtask's input ended.</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.EndOfInput")]
public sealed class EndOfInput : StreamElement
{
    /// <summary>The one instance.</summary>
    public static readonly EndOfInput Instance = new();
}
