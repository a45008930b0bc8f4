namespace OrleansFlow.Api.Windowing;

/// <summary>A window: a group of a key's elements that a window function evaluates together (Flink's <c>Window</c>).</summary>
public interface IWindow
{
    /// <summary>The largest timestamp (epoch milliseconds) that belongs to the window; its default trigger fires when time reaches it.</summary>
    long MaxTimestamp { get; }
}
