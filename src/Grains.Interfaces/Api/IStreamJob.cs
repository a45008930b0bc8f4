namespace OrleansFlow.Api;

/// <summary>
/// A streaming job registered by name in the silos (<c>AddStreamJob&lt;T&gt;("name")</c>). <see cref="Build"/> must be
/// deterministic: every silo builds the same graph from the same arguments, and operator uids are derived from it.
/// </summary>
public interface IStreamJob
{
    /// <summary>Describes the job's dataflow on <paramref name="builder"/>.</summary>
    void Build(StreamJobBuilder builder, JobArguments args);
}
