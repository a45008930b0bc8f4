namespace OrleansFlow.Jobs;

/// <summary>The deployable form of a job: vertices (operator chains) and edges, built by <see cref="JobGraphBuilder"/>.</summary>
internal sealed class JobGraph(IReadOnlyList<JobVertex> vertices, int maxParallelism)
{
    public IReadOnlyList<JobVertex> Vertices { get; } = vertices;

    public int MaxParallelism { get; } = maxParallelism;

    public IEnumerable<Tasks.TaskId> AllTasks(string jobId) =>
        Vertices.SelectMany(v => Enumerable.Range(0, v.Parallelism).Select(s => new Tasks.TaskId(jobId, v.Index, s)));
}
