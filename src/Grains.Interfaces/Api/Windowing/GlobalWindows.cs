namespace OrleansFlow.Api.Windowing;

/// <summary>
/// One window per key holding all its elements (Flink's <c>GlobalWindows</c>). Its default trigger never fires: set
/// one, e.g. <see cref="CountTrigger"/>. The window is not evaluated at the end of input.
/// </summary>
public sealed class GlobalWindows : WindowAssigner<GlobalWindow>
{
    private static readonly GlobalWindows Instance = new();

    private GlobalWindows()
    {
    }

    /// <summary>The assigner.</summary>
    public static GlobalWindows Create() => Instance;

    /// <inheritdoc />
    public override void AssignWindows(long timestamp, long processingTime, List<GlobalWindow> windows) => windows.Add(GlobalWindow.Instance);

    /// <inheritdoc />
    public override Trigger<GlobalWindow> DefaultTrigger => NeverTrigger<GlobalWindow>.Instance;

    /// <inheritdoc />
    public override bool IsEventTime => false;
}
