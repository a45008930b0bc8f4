namespace OrleansFlow.Api.Windowing;

/// <summary>The one window of <see cref="GlobalWindows"/>: every element of a key; it never ends by time.</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.GlobalWindow")]
public readonly record struct GlobalWindow : IWindow
{
    /// <summary>The window.</summary>
    public static readonly GlobalWindow Instance = default;

    /// <inheritdoc />
    public long MaxTimestamp => long.MaxValue;
}
