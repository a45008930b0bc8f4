using OrleansFlow.Api;
using OrleansFlow.Api.Graph;
using OrleansFlow.KeyGroups;

namespace OrleansFlow.Jobs;

/// <summary>
/// Turns a job's transformations into a <see cref="JobGraph"/> (pure). Rules, as in Flink:
/// an operator without a parallelism of its own takes the job's; a forward edge between operators of different
/// parallelism becomes a rebalance; an operator is chained to its input when the edge is forward, the parallelism is
/// equal and the input has no other consumer. A side output is no operator: each consumer of one gets an edge of its
/// own from the producer's vertex, tagged with the side output, and is never chained. Uids must be unique.
/// </summary>
internal static class JobGraphBuilder
{
    public static JobGraph Build(StreamJobBuilder builder)
    {
        var transformations = builder.Transformations;
        if (transformations.Count == 0) throw new ArgumentException("The job defines no operator.");
        KeyGroupAssignment.CheckParallelismPreconditions(builder.Parallelism, builder.MaxParallelism);

        var duplicate = transformations.GroupBy(t => t.Uid, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"Operator uid '{duplicate.Key}' is used by more than one operator.");

        int ParallelismOf(Transformation t)
        {
            var p = t.Parallelism > 0 ? t.Parallelism : builder.Parallelism;
            if (p > builder.MaxParallelism)
                throw new ArgumentException($"Operator '{t.Uid}' has parallelism {p}, above the max parallelism {builder.MaxParallelism}.");
            return p;
        }

        var consumers = transformations.Where(t => t.Input is not null && t is not ISideOutputTransformation)
            .GroupBy(t => t.Input!.Id).ToDictionary(g => g.Key, g => g.Count());
        var vertexOf = new Dictionary<int, int>();
        var chains = new List<List<Transformation>>();
        var parallelisms = new List<int>();
        var edges = new List<(int From, int To, Partitioning Partitioning, ISideOutputTransformation? Side)>();

        foreach (var t in transformations)
        {
            var p = ParallelismOf(t);
            if (t.Input is null)
            {
                vertexOf[t.Id] = NewVertex(t, p);
                continue;
            }
            if (t.Input.Kind == "sink") throw new ArgumentException($"Operator '{t.Uid}' reads from sink '{t.Input.Uid}', but a sink has no output.");
            if (t is ISideOutputTransformation)
            {
                vertexOf[t.Id] = vertexOf[t.Input.Id]; // virtual: its consumers read the producer's vertex
                continue;
            }
            var inputVertex = vertexOf[t.Input.Id];
            if (t.Input is ISideOutputTransformation side)
            {
                var sidePartitioning = t.InputPartitioning ?? Partitioning.Forward;
                if (sidePartitioning.Kind == PartitioningKind.Forward && parallelisms[inputVertex] != p) sidePartitioning = Partitioning.Rebalance;
                var sideVertex = NewVertex(t, p);
                vertexOf[t.Id] = sideVertex;
                edges.Add((inputVertex, sideVertex, sidePartitioning, side));
                continue;
            }
            var partitioning = t.InputPartitioning ?? Partitioning.Forward;
            if (partitioning.Kind == PartitioningKind.Forward && parallelisms[inputVertex] != p) partitioning = Partitioning.Rebalance;
            var chainable = partitioning.Kind == PartitioningKind.Forward
                && consumers[t.Input.Id] == 1
                && chains[inputVertex][^1] == t.Input;
            if (chainable)
            {
                chains[inputVertex].Add(t);
                vertexOf[t.Id] = inputVertex;
            }
            else
            {
                var v = NewVertex(t, p);
                vertexOf[t.Id] = v;
                edges.Add((inputVertex, v, partitioning, null));
            }
        }

        var vertices = chains.Select((c, i) => new JobVertex(i, parallelisms[i], c)).ToList();
        foreach (var (from, to, partitioning, side) in edges)
        {
            var edge = new JobEdge(vertices[from], vertices[to], partitioning, vertices[to].Inputs.Count, side);
            vertices[from].Outputs.Add(edge);
            vertices[to].Inputs.Add(edge);
        }
        return new JobGraph(vertices, builder.MaxParallelism);

        int NewVertex(Transformation head, int p)
        {
            chains.Add([head]);
            parallelisms.Add(p);
            return chains.Count - 1;
        }
    }
}
