namespace OrleansFlow.Api.Windowing;

/// <summary>How a window operator emits a fired window's aggregated result: as it is, or through a process window function.</summary>
internal interface IWindowEmitter<TKey, TResult, TOut, TWindow> where TKey : notnull where TWindow : struct, IWindow
{
    void Open(IRuntimeContext context);

    void Emit(TKey key, TResult result, WindowContext<TWindow> context, ICollector<TOut> output);
}
