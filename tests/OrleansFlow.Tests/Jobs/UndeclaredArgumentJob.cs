using OrleansFlow.Api;
using OrleansFlow.Connectors;

namespace OrleansFlow.Tests.Jobs;

/// <summary>A job whose Build reads an argument (<c>keys</c>) it does not declare: a programming error that must not pass silently.</summary>
public sealed class UndeclaredArgumentJob : IStreamJob
{
    public JobParameters Parameters { get; } = new(JobParameter.Int64("events", 10, "Events.", min: 0));

    public void Build(StreamJobBuilder builder, JobArguments args)
    {
        var events = args.GetInt64("events");
        var keys = args.GetInt64("keys");
        builder.AddSource(new GeneratorSource<long>(events, i => i % keys)).Uid("source");
    }
}
