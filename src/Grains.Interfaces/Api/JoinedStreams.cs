namespace OrleansFlow.Api;

/// <summary>
/// A window join being set up (Flink's <c>JoinedStreams</c>): <c>a.Join(b).Where(ka).EqualTo(kb).Window(assigner).Apply(f)</c>
/// joins each left record with each right record of the same key in the same window.
/// </summary>
public sealed class JoinedStreams<TLeft, TRight>
{
    private readonly DataStream<TLeft> _left;
    private readonly DataStream<TRight> _right;

    internal JoinedStreams(DataStream<TLeft> left, DataStream<TRight> right)
    {
        _left = left;
        _right = right;
    }

    /// <summary>The left input's key; then <see cref="JoinedStreamsWhere{TLeft, TRight, TKey}.EqualTo"/>.</summary>
    public JoinedStreamsWhere<TLeft, TRight, TKey> Where<TKey>(Func<TLeft, TKey> leftKey) where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(leftKey);
        return new JoinedStreamsWhere<TLeft, TRight, TKey>(_left, _right, leftKey);
    }
}
