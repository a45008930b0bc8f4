namespace OrleansFlow.Api.Windowing;

/// <summary>What a <see cref="Trigger{TWindow}"/> decides for a window (Flink's <c>TriggerResult</c>).</summary>
public enum TriggerResult
{
    /// <summary>Nothing happens.</summary>
    Continue = 0,

    /// <summary>The window function is evaluated and emits; the window keeps its contents.</summary>
    Fire = 1,

    /// <summary>The window's contents are dropped without evaluation.</summary>
    Purge = 2,

    /// <summary>The window function is evaluated, then the contents are dropped.</summary>
    FireAndPurge = 3,
}
