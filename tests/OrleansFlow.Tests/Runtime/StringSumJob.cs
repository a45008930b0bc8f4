using OrleansFlow.Api;
using OrleansFlow.BuiltIn;
using OrleansFlow.Connectors;
using OrleansFlow.State;

namespace OrleansFlow.Tests.Runtime;

/// <summary>keyed-sum's shape (uids <c>source</c> and <c>sum</c>) but its state <c>sum</c> holds strings: a keyed-sum savepoint cannot be read into it.</summary>
public sealed class StringSumJob : IStreamJob
{
    public const string Name = "string-sum";

    public JobParameters Parameters { get; } = new(JobParameter.Int64("events", 1000, "Events.", min: 0));

    public void Build(StreamJobBuilder builder, JobArguments args) =>
        builder.AddSource(new GeneratorSource<KeyedSumEvent>(args.GetInt64("events"), i => new KeyedSumEvent(i % 10, i))).Uid("source")
            .KeyBy(e => e.Key)
            .Process(() => new Concatenate()).Uid("sum");

    private sealed class Concatenate : KeyedProcessFunction<long, KeyedSumEvent, string>
    {
        private IValueState<string> _sum = null!;

        public override void Open(IRuntimeContext context) => _sum = context.State.GetState(new ValueStateDescriptor<string>("sum"));

        public override void ProcessElement(KeyedSumEvent value, KeyedContext<long> context, ICollector<string> output) =>
            _sum.Update(_sum.Value + value.Value);
    }
}
