using OrleansFlow.Api.Windowing;

namespace OrleansFlow.Api;

/// <summary>A window join with both keys: give the windows with <see cref="Window{TWindow}"/>.</summary>
public sealed class JoinedStreamsEqualTo<TLeft, TRight, TKey> where TKey : notnull
{
    private readonly DataStream<TLeft> _left;
    private readonly DataStream<TRight> _right;
    private readonly Func<TLeft, TKey> _leftKey;
    private readonly Func<TRight, TKey> _rightKey;

    internal JoinedStreamsEqualTo(DataStream<TLeft> left, DataStream<TRight> right, Func<TLeft, TKey> leftKey, Func<TRight, TKey> rightKey)
    {
        _left = left;
        _right = right;
        _leftKey = leftKey;
        _rightKey = rightKey;
    }

    /// <summary>The windows in which records meet (any assigner); then <see cref="WindowedJoin{TLeft, TRight, TKey, TWindow}.Apply{TOut}"/>.</summary>
    public WindowedJoin<TLeft, TRight, TKey, TWindow> Window<TWindow>(WindowAssigner<TWindow> assigner) where TWindow : struct, IWindow
    {
        ArgumentNullException.ThrowIfNull(assigner);
        return new WindowedJoin<TLeft, TRight, TKey, TWindow>(_left, _right, _leftKey, _rightKey, assigner);
    }
}
