namespace OrleansFlow.Api.Windowing;

/// <summary>
/// A window join ready to run: <see cref="Apply{TOut}"/> evaluates each window, as Flink's does through a co-group: both
/// inputs are tagged (<see cref="JoinSide{TLeft, TRight}"/>), united, keyed by their key and windowed; each window
/// emits the join of every left with every right record it holds.
/// </summary>
public sealed class WindowedJoin<TLeft, TRight, TKey, TWindow> where TKey : notnull where TWindow : struct, IWindow
{
    private readonly DataStream<TLeft> _left;
    private readonly DataStream<TRight> _right;
    private readonly Func<TLeft, TKey> _leftKey;
    private readonly Func<TRight, TKey> _rightKey;
    private readonly WindowAssigner<TWindow> _assigner;

    internal WindowedJoin(DataStream<TLeft> left, DataStream<TRight> right, Func<TLeft, TKey> leftKey, Func<TRight, TKey> rightKey, WindowAssigner<TWindow> assigner)
    {
        _left = left;
        _right = right;
        _leftKey = leftKey;
        _rightKey = rightKey;
        _assigner = assigner;
    }

    /// <summary>Emits <paramref name="join"/>(left, right) for each pair of one key in one window.</summary>
    public DataStream<TOut> Apply<TOut>(Func<TLeft, TRight, TOut> join)
    {
        ArgumentNullException.ThrowIfNull(join);
        var (leftKey, rightKey) = (_leftKey, _rightKey);
        var lefts = _left.Map(l => new JoinSide<TLeft, TRight>(true, l, default!));
        var rights = _right.Map(r => new JoinSide<TLeft, TRight>(false, default!, r));
        return lefts.Union(rights)
            .KeyBy(side => side.IsLeft ? leftKey(side.Left) : rightKey(side.Right))
            .Window(_assigner)
            .Process(() => new JoinWindowFunction<TKey, TLeft, TRight, TOut, TWindow>(join));
    }
}
