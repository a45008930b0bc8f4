namespace OrleansFlow.Api.Windowing;

/// <summary>Hands every element of the window to a process window function.</summary>
internal sealed class ElementsEmitter<TKey, TIn, TOut, TWindow>(ProcessWindowFunction<TIn, TOut, TKey, TWindow> function)
    : IWindowEmitter<TKey, IReadOnlyList<TIn>, TOut, TWindow> where TKey : notnull where TWindow : struct, IWindow
{
    public void Open(IRuntimeContext context) => function.Open(context);

    public void Emit(TKey key, IReadOnlyList<TIn> result, WindowContext<TWindow> context, ICollector<TOut> output) =>
        function.Process(key, context, result, output);
}
