namespace OrleansFlow.Resources;

/// <summary>
/// The answer to a slot request: granted with the silo of each slot (slot i hosts subtask i of every vertex), or
/// refused with the figures. <see cref="Free"/> counts the job's own previous slots as free.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.SlotAllocation")]
public sealed record SlotAllocation(
    [property: Id(0)] bool Granted,
    [property: Id(1)] IReadOnlyList<string> Silos,
    [property: Id(2)] int Needed,
    [property: Id(3)] int Free,
    [property: Id(4)] int Total,
    [property: Id(5)] int TaskManagers)
{
    /// <summary>Why a refused request was refused, naming the slots needed and free.</summary>
    public string Describe() => Granted
        ? $"{Needed} task slots allocated on {Silos.Distinct().Count()} silo(s)."
        : $"Not enough task slots: the job needs {Needed} (one per subtask of its largest vertex parallelism), the cluster has {Free} free of {Total} " +
          $"on {TaskManagers} silo(s). Lower the parallelism, cancel a job, or add silos or OrleansFlow:TaskSlots.";
}
