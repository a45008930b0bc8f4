namespace OrleansFlow.Api.Windowing;

/// <summary>Evaluates a window of a window join: every left record with every right record of the key in the window.</summary>
internal sealed class JoinWindowFunction<TKey, TLeft, TRight, TOut, TWindow>(Func<TLeft, TRight, TOut> join)
    : ProcessWindowFunction<JoinSide<TLeft, TRight>, TOut, TKey, TWindow> where TKey : notnull where TWindow : struct, IWindow
{
    private readonly List<TLeft> _lefts = [];
    private readonly List<TRight> _rights = [];

    public override void Process(TKey key, WindowContext<TWindow> context, IReadOnlyList<JoinSide<TLeft, TRight>> elements, ICollector<TOut> output)
    {
        _lefts.Clear();
        _rights.Clear();
        foreach (var element in elements)
        {
            if (element.IsLeft) _lefts.Add(element.Left);
            else _rights.Add(element.Right);
        }
        foreach (var left in _lefts)
        {
            foreach (var right in _rights) output.Collect(join(left, right));
        }
    }
}
