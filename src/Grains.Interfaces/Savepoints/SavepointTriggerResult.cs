namespace OrleansFlow.Savepoints;

/// <summary>The answer to a savepoint request: the trigger id to ask for its status, or why it was refused (nothing started).</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.SavepointTriggerResult")]
public sealed record SavepointTriggerResult(
    [property: Id(0)] string? TriggerId,
    [property: Id(1)] SavepointRefusal Refusal,
    [property: Id(2)] string? Message)
{
    /// <summary>Accepted with <paramref name="triggerId"/>.</summary>
    public static SavepointTriggerResult Accepted(string triggerId) => new(triggerId, SavepointRefusal.None, null);

    /// <summary>Refused for <paramref name="refusal"/>.</summary>
    public static SavepointTriggerResult Refused(SavepointRefusal refusal, string message) => new(null, refusal, message);
}
