namespace OrleansFlow.Api.Windowing;

/// <summary>
/// Evaluates a window with all its elements (or, after an incremental aggregation, with its one aggregated result):
/// Flink's <c>ProcessWindowFunction</c>. One instance per subtask, made by the factory given to the windowed stream;
/// <see cref="Open"/> once, then <see cref="Process"/> per firing, on the task's turn.
/// </summary>
public abstract class ProcessWindowFunction<TIn, TOut, TKey, TWindow> where TKey : notnull where TWindow : struct, IWindow
{
    /// <summary>Called once before the first firing.</summary>
    public virtual void Open(IRuntimeContext context) { }

    /// <summary>Evaluates the window <see cref="WindowContext{TWindow}.Window"/> of <paramref name="key"/>.</summary>
    public abstract void Process(TKey key, WindowContext<TWindow> context, IReadOnlyList<TIn> elements, ICollector<TOut> output);
}
