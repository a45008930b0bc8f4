namespace OrleansFlow.State;

/// <summary>What renews a value's time to live (Flink's <c>StateTtlConfig.UpdateType</c>).</summary>
public enum StateTtlUpdateType
{
    /// <summary>Creating and writing a value renew it; reading does not.</summary>
    OnCreateAndWrite = 1,

    /// <summary>Reading renews it too.</summary>
    OnReadAndWrite = 2,
}
