using OrleansFlow.Api;
using OrleansFlow.BuiltIn;
using OrleansFlow.Connectors;
using OrleansFlow.State;

namespace OrleansFlow.Tests.Runtime;

/// <summary>keyed-sum whose keyed function throws on event <c>failAt</c>, or whose <c>Open</c> throws when <c>failOpen</c> is set.</summary>
public sealed class FailingJob : IStreamJob
{
    public const string Name = "failing";

    public JobParameters Parameters { get; } = new(
        JobParameter.Int64("events", 100_000, "Events.", min: 1),
        JobParameter.Int64("failAt", -1, "The event at which the keyed function throws; -1 = never."),
        JobParameter.Boolean("failOpen", false, "Whether Open throws."));

    public void Build(StreamJobBuilder builder, JobArguments args)
    {
        var failAt = args.GetInt64("failAt");
        var failOpen = args.GetBoolean("failOpen");
        builder.AddSource(new GeneratorSource<KeyedSumEvent>(args.GetInt64("events"), i => new KeyedSumEvent(i % 10, i))).Uid("source")
            .KeyBy(e => e.Key)
            .Process(() => new Faulty(failAt, failOpen)).Uid("faulty");
    }

    private sealed class Faulty(long failAt, bool failOpen) : KeyedProcessFunction<long, KeyedSumEvent, KeyedSumEvent>
    {
        private IValueState<long> _sum = null!;

        public override void Open(IRuntimeContext context)
        {
            if (failOpen) throw new InvalidOperationException("injected failure in Open");
            _sum = context.State.GetState(new ValueStateDescriptor<long>("sum"));
        }

        public override void ProcessElement(KeyedSumEvent value, KeyedContext<long> context, ICollector<KeyedSumEvent> output)
        {
            if (value.Value == failAt) throw new InvalidOperationException($"injected failure at event {failAt}");
            _sum.Update(_sum.Value + value.Value);
        }
    }
}
