namespace OrleansFlow.Api.Windowing;

/// <summary>What a <see cref="ProcessWindowFunction{TIn, TOut, TKey, TWindow}"/> learns about the window it evaluates.</summary>
public abstract class WindowContext<TWindow> where TWindow : struct, IWindow
{
    /// <summary>The window being evaluated.</summary>
    public abstract TWindow Window { get; }

    /// <summary>The operator's current input watermark (epoch milliseconds).</summary>
    public abstract long CurrentWatermark { get; }

    /// <summary>The silo's clock (epoch milliseconds).</summary>
    public abstract long CurrentProcessingTime { get; }
}
