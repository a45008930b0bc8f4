using OrleansFlow.Api.Graph;
using OrleansFlow.Jobs;

namespace OrleansFlow.Network;

/// <summary>
/// Admission by network memory (pure): every task reserves one record's worst case of its outputs when it is
/// deployed (<see cref="BufferDemand.Minimum"/>), so the subtasks that a slot allocation puts on one silo need the sum of
/// their minimums there. A job whose sum on some silo exceeds <c>OrleansFlow:NetworkMemory</c> could never run and is
/// refused before anything starts. (What other jobs hold is checked when each task is deployed.)
/// </summary>
internal static class NetworkMemoryRequirement
{
    /// <summary>The buffers of one subtask of <paramref name="vertex"/>, one shape per output edge.</summary>
    public static BufferDemand DemandOf(JobVertex vertex, int batchSize)
    {
        var recordType = vertex.Chain[^1].Accept(RecordTypeOf.Instance, null);
        var outputs = vertex.Outputs.Select(edge =>
        {
            var keyed = edge.Partitioning is KeyGroupPartitioning;
            var channels = edge.Partitioning.Kind == PartitioningKind.Forward ? 1 : edge.Target.Parallelism;
            var bytes = NetworkBuffers.BufferBytes(edge.SideOutput?.RecordType ?? recordType!, batchSize, keyed, vertex.HasEventTime);
            return new OutputBufferShape(bytes, batchSize, channels, edge.Partitioning.Kind == PartitioningKind.Broadcast);
        }).ToArray();
        return new BufferDemand(outputs);
    }

    /// <summary>The bytes the job's reservations need on each silo, for slot i of <paramref name="slotSilos"/> hosting subtask i of every vertex.</summary>
    public static IReadOnlyDictionary<string, long> PerSilo(JobGraph graph, IReadOnlyList<string> slotSilos, int batchSize)
    {
        var perSilo = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var vertex in graph.Vertices)
        {
            var minimum = DemandOf(vertex, batchSize).Minimum;
            if (minimum == 0) continue;
            for (var subtask = 0; subtask < vertex.Parallelism; subtask++)
            {
                var silo = subtask < slotSilos.Count ? slotSilos[subtask] : "";
                perSilo[silo] = checked(perSilo.GetValueOrDefault(silo) + minimum);
            }
        }
        return perSilo;
    }

    /// <summary>Why the job cannot be admitted, naming the figures; null when its reservations fit every silo.</summary>
    public static string? Refusal(JobGraph graph, IReadOnlyList<string> slotSilos, int batchSize, long capacity)
    {
        var perSilo = PerSilo(graph, slotSilos, batchSize);
        if (perSilo.Count == 0) return null;
        var needed = perSilo.Values.Max();
        if (needed <= capacity) return null;
        var channels = graph.Vertices.Sum(v => v.Parallelism * DemandOf(v, batchSize).Outputs.Sum(o => (long)o.Channels));
        return $"Not enough network memory: the job needs {ByteSize.Format(needed)} on one silo (one buffer of {batchSize} records per output " +
               $"channel of each of its subtasks there; {channels} channels in all), but OrleansFlow:NetworkMemory is {ByteSize.Format(capacity)} " +
               $"per silo. Lower the parallelism, raise OrleansFlow:NetworkMemory, lower OrleansFlow:BatchSize, or add silos.";
    }
}
