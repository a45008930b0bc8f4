using OrleansFlow.Api;
using OrleansFlow.Hosting;
using OrleansFlow.KeyGroups;

namespace OrleansFlow.Jobs;

/// <summary>Builds a job's graph from its spec with the job code registered in this silo. Deterministic.</summary>
internal sealed class JobGraphFactory(StreamJobRegistry registry)
{
    /// <summary>Validates <paramref name="spec"/> and builds its graph.</summary>
    /// <exception cref="UnknownJobException">No job is registered under the name.</exception>
    /// <exception cref="ArgumentException">
    /// A parameter or argument is invalid (the message says which): among them an argument the job does not declare
    /// (<see cref="IStreamJob.Parameters"/>), named with a suggestion when a declared name is close.
    /// </exception>
    public JobGraph Create(JobSpec spec)
    {
        if (string.IsNullOrWhiteSpace(spec.JobName)) throw new ArgumentException("The job name is missing.");
        if (!registry.TryCreate(spec.JobName, out var job))
            throw new UnknownJobException(spec.JobName, registry.Names);
        if (spec.MaxParallelism < 1 || spec.MaxParallelism > KeyGroupAssignment.UpperBoundMaxParallelism)
            throw new ArgumentException($"maxParallelism must be in [1, {KeyGroupAssignment.UpperBoundMaxParallelism}], got {spec.MaxParallelism}.");
        if (spec.Parallelism < 1 || spec.Parallelism > spec.MaxParallelism)
            throw new ArgumentException($"parallelism must be in [1, maxParallelism {spec.MaxParallelism}], got {spec.Parallelism}.");
        var checkpointErrors = spec.Checkpointing.Validate().Concat(spec.RestartStrategy.Validate()).ToList();
        if (checkpointErrors.Count > 0) throw new ArgumentException(string.Join(" ", checkpointErrors));
        var argumentErrors = job!.Parameters.Validate(spec.Args, spec.JobName);
        if (argumentErrors.Count > 0) throw new ArgumentException(string.Join(" ", argumentErrors));
        var builder = new StreamJobBuilder(spec.Parallelism, spec.MaxParallelism);
        job.Build(builder, new JobArguments(spec.Args, job.Parameters));
        return JobGraphBuilder.Build(builder);
    }
}
