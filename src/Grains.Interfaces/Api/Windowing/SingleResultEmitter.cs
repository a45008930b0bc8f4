namespace OrleansFlow.Api.Windowing;

/// <summary>Hands the one aggregated result to a process window function (Flink's <c>aggregate(agg, windowFunction)</c>).</summary>
internal sealed class SingleResultEmitter<TKey, TResult, TOut, TWindow>(ProcessWindowFunction<TResult, TOut, TKey, TWindow> function)
    : IWindowEmitter<TKey, TResult, TOut, TWindow> where TKey : notnull where TWindow : struct, IWindow
{
    private readonly TResult[] _one = new TResult[1];

    public void Open(IRuntimeContext context) => function.Open(context);

    public void Emit(TKey key, TResult result, WindowContext<TWindow> context, ICollector<TOut> output)
    {
        _one[0] = result;
        function.Process(key, context, _one, output);
        _one[0] = default!;
    }
}
