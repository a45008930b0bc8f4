namespace OrleansFlow.Api;

/// <summary>
/// A streaming job registered by name in the silos (<c>AddStreamJob&lt;T&gt;("name")</c>). <see cref="Build"/> must be
/// deterministic: every silo builds the same graph from the same arguments, and operator uids are derived from it.
/// </summary>
public interface IStreamJob
{
    /// <summary>
    /// The arguments the job takes (name, kind, description, default). A submission with an argument not declared here,
    /// or a value that does not fit its kind, is refused before anything starts (a 400 naming it, with a suggestion
    /// when a declared name is close); <see cref="Build"/> reading an undeclared argument throws.
    /// </summary>
    JobParameters Parameters { get; }

    /// <summary>Describes the job's dataflow on <paramref name="builder"/>.</summary>
    void Build(StreamJobBuilder builder, JobArguments args);
}
