namespace OrleansFlow.Resources;

/// <summary>
/// One per silo, keyed by the silo's address (<c>SiloAddress.ToParsableString()</c>) and always activated on that silo:
/// answers what the silo offers. Stateless and cheap; the slot manager asks it once per silo incarnation.
/// </summary>
[Alias("OrleansFlow.ISiloSlotsGrain")]
public interface ISiloSlotsGrain : IGrainWithStringKey
{
    /// <summary>The silo's <c>OrleansFlow:TaskSlots</c>.</summary>
    [Alias("GetTaskSlots")]
    Task<int> GetTaskSlots();
}
