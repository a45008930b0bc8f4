namespace OrleansFlow.Api;

/// <summary>The clock a timer runs on (Flink's <c>TimeDomain</c>).</summary>
public enum TimeDomain
{
    /// <summary>Event time: the timer fires when the operator's input watermark reaches its timestamp.</summary>
    EventTime = 0,

    /// <summary>Processing time: the timer fires when the silo's clock (the injected <see cref="System.TimeProvider"/>) reaches its timestamp.</summary>
    ProcessingTime = 1,
}
