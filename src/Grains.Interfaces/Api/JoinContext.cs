namespace OrleansFlow.Api;

/// <summary>The event times of the pair a <see cref="ProcessJoinFunction{TLeft, TRight, TOut}"/> processes.</summary>
public sealed class JoinContext
{
    /// <summary>The left record's event time (epoch milliseconds).</summary>
    public long LeftTimestamp { get; internal set; }

    /// <summary>The right record's event time (epoch milliseconds).</summary>
    public long RightTimestamp { get; internal set; }

    /// <summary>The pair's event time: the later of the two.</summary>
    public long Timestamp => Math.Max(LeftTimestamp, RightTimestamp);
}
