using System.Globalization;
using OrleansFlow.Api;
using OrleansFlow.Connectors;
using OrleansFlow.State;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// Processing-time timers through a real task grain: an unbounded trickle of events i with key i % <c>keys</c>; each key's
/// first record registers a processing-time timer <c>delayMs</c> ahead on the silo's clock, whose firing emits
/// <c>key,count-so-far,domain</c> once (exactly-once file sink).
/// </summary>
public sealed class ProcessingTimeJob(FileSinkLocations locations) : IStreamJob
{
    public const string Name = "processing-time";

    public JobParameters Parameters { get; } = new(
        JobParameter.Int64("keys", 5, "Keys.", min: 1),
        JobParameter.Int64("delayMs", 20, "How far ahead each key's timer is.", min: 0),
        JobParameter.String("output", "The exactly-once file sink's directory."));

    public void Build(StreamJobBuilder builder, JobArguments args)
    {
        var keys = args.GetInt64("keys");
        var delay = args.GetInt64("delayMs");
        builder.AddSource(new GeneratorSource<long>(0, i => i, eventsPerSecond: 200, splits: 4)).Uid("source")
            .KeyBy(i => i % keys)
            .Process(() => new FireOnce(delay)).Uid("timers")
            .SinkTo(locations.Create<string>(args.GetString("output")!, line => line)).Uid("sink");
    }

    private sealed class FireOnce(long delay) : KeyedProcessFunction<long, long, string>
    {
        private IValueState<long> _count = null!;
        private IValueState<bool> _fired = null!;

        public override void Open(IRuntimeContext context)
        {
            _count = context.State.GetState(new ValueStateDescriptor<long>("count"));
            _fired = context.State.GetState(new ValueStateDescriptor<bool>("fired"));
        }

        public override void ProcessElement(long value, KeyedContext<long> context, ICollector<string> output)
        {
            if (_count.Value == 0) context.TimerService.RegisterProcessingTimeTimer(context.TimerService.CurrentProcessingTime() + delay);
            _count.Update(_count.Value + 1);
        }

        public override void OnTimer(long timestamp, OnTimerContext<long> context, ICollector<string> output)
        {
            if (_fired.Value) throw new InvalidOperationException($"Key {context.CurrentKey}'s timer fired twice.");
            if (context.TimerService.CurrentProcessingTime() < timestamp) throw new InvalidOperationException($"Timer {timestamp} fired early.");
            _fired.Update(true);
            output.Collect(string.Create(CultureInfo.InvariantCulture, $"{context.CurrentKey},{context.TimeDomain}"));
        }
    }
}
