namespace OrleansFlow.Api;

/// <summary>A window join with its left key: give the right key with <see cref="EqualTo"/>.</summary>
public sealed class JoinedStreamsWhere<TLeft, TRight, TKey> where TKey : notnull
{
    private readonly DataStream<TLeft> _left;
    private readonly DataStream<TRight> _right;
    private readonly Func<TLeft, TKey> _leftKey;

    internal JoinedStreamsWhere(DataStream<TLeft> left, DataStream<TRight> right, Func<TLeft, TKey> leftKey)
    {
        _left = left;
        _right = right;
        _leftKey = leftKey;
    }

    /// <summary>The right input's key; then <see cref="JoinedStreamsEqualTo{TLeft, TRight, TKey}.Window{TWindow}"/>.</summary>
    public JoinedStreamsEqualTo<TLeft, TRight, TKey> EqualTo(Func<TRight, TKey> rightKey)
    {
        ArgumentNullException.ThrowIfNull(rightKey);
        return new JoinedStreamsEqualTo<TLeft, TRight, TKey>(_left, _right, _leftKey, rightKey);
    }
}
