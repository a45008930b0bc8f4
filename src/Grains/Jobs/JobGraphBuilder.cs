using OrleansFlow.Api;
using OrleansFlow.Api.Graph;
using OrleansFlow.KeyGroups;

namespace OrleansFlow.Jobs;

/// <summary>
/// Turns a job's transformations into a <see cref="JobGraph"/> (pure). Rules, as in Flink:
/// an operator without a parallelism of its own takes the job's; a forward edge between operators of different
/// parallelism becomes a rebalance; an operator is chained to its input when the edge is forward, the parallelism is
/// equal and the input has no other consumer. A side output is no operator: each consumer of one gets an edge of its
/// own from the producer's vertex, tagged with the side output, and is never chained; a union is no operator either:
/// its consumer gets an edge from each of its inputs. Uids must be unique.
/// </summary>
internal static class JobGraphBuilder
{
    private static IReadOnlyList<Transformation> InputsOf(Transformation t) => t switch
    {
        IUnionTransformation union => union.Inputs,
        ITwoInputTransformation two => [t.Input!, two.Input2],
        _ => t.Input is null ? [] : [t.Input],
    };

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

        var consumers = new Dictionary<int, int>();
        foreach (var t in transformations)
        {
            if (t is ISideOutputTransformation) continue; // reads a producer's side output, not its main output
            foreach (var input in InputsOf(t)) consumers[input.Id] = consumers.GetValueOrDefault(input.Id) + 1;
        }
        var vertexOf = new Dictionary<int, int>();
        var chains = new List<List<Transformation>>();
        var parallelisms = new List<int>();
        var edges = new List<(int From, int To, Partitioning Partitioning, ISideOutputTransformation? Side, int InputIndex)>();

        foreach (var t in transformations)
        {
            var p = ParallelismOf(t);
            if (t.Input is null)
            {
                vertexOf[t.Id] = NewVertex(t, p);
                continue;
            }
            foreach (var input in InputsOf(t))
            {
                if (input.Kind == "sink") throw new ArgumentException($"Operator '{t.Uid}' reads from sink '{input.Uid}', but a sink has no output.");
            }
            if (t is ISideOutputTransformation or IUnionTransformation) continue; // virtual: their consumers read what they stand for
            if (t.Input is ISideOutputTransformation or IUnionTransformation || t is ITwoInputTransformation)
            {
                var v = NewVertex(t, p); // never chained
                vertexOf[t.Id] = v;
                AddEdges(t.Input, t.InputPartitioning, v, p, 0);
                if (t is ITwoInputTransformation two) AddEdges(two.Input2, two.Partitioning2, v, p, 1);
                continue;
            }
            var inputVertex = vertexOf[t.Input.Id];
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
                edges.Add((inputVertex, v, partitioning, null, 0));
            }
        }

        var vertices = chains.Select((c, i) => new JobVertex(i, parallelisms[i], c)).ToList();
        foreach (var (from, to, partitioning, side, inputIndex) in edges)
        {
            var edge = new JobEdge(vertices[from], vertices[to], partitioning, vertices[to].Inputs.Count, side, inputIndex);
            vertices[from].Outputs.Add(edge);
            vertices[to].Inputs.Add(edge);
        }
        return new JobGraph(vertices, builder.MaxParallelism);

        // The vertices (and side outputs) a virtual transformation stands for, in input order.
        IEnumerable<(int Vertex, ISideOutputTransformation? Side)> Sources(Transformation input) => input switch
        {
            IUnionTransformation union => union.Inputs.SelectMany(Sources),
            ISideOutputTransformation side => [(vertexOf[side.Producer.Id], side)],
            _ => [(vertexOf[input.Id], null)],
        };

        // Edges into vertex v (parallelism p) from what input stands for, feeding input inputIndex of its head.
        void AddEdges(Transformation input, Partitioning? requested, int v, int p, int inputIndex)
        {
            foreach (var (from, side) in Sources(input))
            {
                var edgePartitioning = requested ?? Partitioning.Forward;
                if (edgePartitioning.Kind == PartitioningKind.Forward && parallelisms[from] != p) edgePartitioning = Partitioning.Rebalance;
                edges.Add((from, v, edgePartitioning, side, inputIndex));
            }
        }

        int NewVertex(Transformation head, int p)
        {
            chains.Add([head]);
            parallelisms.Add(p);
            return chains.Count - 1;
        }
    }
}
