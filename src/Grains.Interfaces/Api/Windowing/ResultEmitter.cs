namespace OrleansFlow.Api.Windowing;

/// <summary>Emits the aggregated result itself.</summary>
internal sealed class ResultEmitter<TKey, TOut, TWindow> : IWindowEmitter<TKey, TOut, TOut, TWindow> where TKey : notnull where TWindow : struct, IWindow
{
    public void Open(IRuntimeContext context) { }

    public void Emit(TKey key, TOut result, WindowContext<TWindow> context, ICollector<TOut> output) => output.Collect(result);
}
