using System.Globalization;
using OrleansFlow.Api;
using OrleansFlow.Api.EventTime;
using OrleansFlow.Connectors;
using OrleansFlow.State;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// Events joined with versioned rules from a broadcast stream. Event i (of <c>events</c>, 4 splits) has key
/// <c>i % keys</c> and event time i; rule j (of <c>rules</c>, one split, at the same pace) belongs to group <c>j % 3</c>
/// and is valid from event time <c>j · step</c> (<c>step = events / rules</c>). The broadcast side adds each rule to the
/// broadcast state <c>rules</c> (group → rule numbers). An event's rule is the latest of its key's group valid at its
/// time (<see cref="Expected"/>):
/// <list type="bullet">
/// <item><c>keyed</c>: a <see cref="KeyedBroadcastProcessFunction{TKey, TIn1, TIn2, TOut}"/> keeps each event in keyed
/// state under an event-time timer at its time, and emits <c>k,{key},{time},{rule}</c> when the watermark (the minimum
/// over both inputs, so every rule up to that time arrived) fires it;</item>
/// <item><c>plain</c>: a <see cref="BroadcastProcessFunction{TIn1, TIn2, TOut}"/> buffers the events in list state (its
/// own <see cref="ICheckpointedFunction"/>) and emits <c>n,{time},{rule}</c> for each at the end of input.</item>
/// </list>
/// Either result is a function of the arguments only if every subtask holds every rule, through restores too.
/// </summary>
public sealed class BroadcastJob(FileSinkLocations locations) : IStreamJob
{
    public const string Name = "broadcast";

    private static readonly MapStateDescriptor<long, List<long>> Rules = new("rules");

    public JobParameters Parameters { get; } = new(
        JobParameter.String("variant", "keyed or plain."),
        JobParameter.Int64("events", 10_000, "Events.", min: 1),
        JobParameter.Int64("keys", 7, "Keys.", min: 1),
        JobParameter.Int64("rules", 100, "Rules.", min: 1),
        JobParameter.Int64("rate", 0, "Events per second; 0 = as fast as possible.", min: 0),
        JobParameter.String("output", "The exactly-once file sink's directory."));

    /// <summary>The expected lines of <paramref name="variant"/>, sorted.</summary>
    public static List<string> Expected(string variant, long events, long keys, long rules)
    {
        var step = events / rules;
        long RuleOf(long i)
        {
            var group = i % keys % 3;
            for (var j = Math.Min(rules - 1, i / step); j >= 0; j--)
                if (j % 3 == group && j * step <= i) return j;
            return -1;
        }
        return [.. Enumerable.Range(0, (int)events).Select(i => variant == "keyed" ? $"k,{i % keys},{i},{RuleOf(i)}" : $"n,{i},{RuleOf(i)}").Order(StringComparer.Ordinal)];
    }

    public void Build(StreamJobBuilder builder, JobArguments args)
    {
        var (events, keys, rules, rate) = (args.GetInt64("events"), args.GetInt64("keys"), args.GetInt64("rules"), args.GetInt64("rate"));
        var step = events / rules;
        if (step < 1) throw new ArgumentException("rules must not exceed events.");
        var eventSource = builder.AddSource(new GeneratorSource<long>(events, i => i, rate, splits: 4), WatermarkStrategy<long>.ForMonotonousTimestamps().WithTimestampAssigner((e, _) => e)).Uid("events");
        var ruleSource = builder.AddSource(new GeneratorSource<long>(rules, j => j, rate / (double)step, splits: 1), WatermarkStrategy<long>.ForMonotonousTimestamps().WithTimestampAssigner((j, _) => j * step)).Uid("rules");
        var broadcast = ruleSource.Broadcast(Rules);
        var lines = args.GetString("variant") switch
        {
            "keyed" => eventSource.KeyBy(i => i % keys).Connect(broadcast).Process(() => new KeyedRules(step)).Uid("apply"),
            "plain" => eventSource.Connect(broadcast).Process(() => new BufferedRules(step, keys)).Uid("apply"),
            var other => throw new ArgumentException($"Unknown variant '{other}'."),
        };
        lines.SinkTo(locations.Create<string>(args.GetString("output")!, line => line)).Uid("sink");
    }

    private static void AddRule(IBroadcastState<long, List<long>> state, long rule)
    {
        var group = rule % 3;
        var versions = state.TryGetValue(group, out var known) ? new List<long>(known) : [];
        if (!versions.Contains(rule)) versions.Add(rule);
        versions.Sort();
        state.Put(group, versions);
    }

    private static long RuleAt(IReadOnlyBroadcastState<long, List<long>> state, long group, long time, long step) =>
        state.TryGetValue(group, out var versions) ? versions.LastOrDefault(j => j * step <= time, -1) : -1;

    private sealed class KeyedRules(long step) : KeyedBroadcastProcessFunction<long, long, long, string>
    {
        private IMapState<long, long> _pending = null!;

        public override void Open(IRuntimeContext context) => _pending = context.State.GetMapState(new MapStateDescriptor<long, long>("pending"));

        public override void ProcessElement(long value, KeyedBroadcastReadOnlyContext<long> context, ICollector<string> output)
        {
            _pending.Put(value, value);
            context.TimerService.RegisterEventTimeTimer(value);
        }

        public override void ProcessBroadcastElement(long value, KeyedBroadcastContext<long> context, ICollector<string> output) =>
            AddRule(context.GetBroadcastState(Rules), value);

        public override void OnTimer(long timestamp, KeyedBroadcastOnTimerContext<long> context, ICollector<string> output)
        {
            if (!_pending.Remove(timestamp)) throw new InvalidOperationException($"Timer {timestamp} of key {context.CurrentKey} fired twice.");
            var rule = RuleAt(context.GetBroadcastState(Rules), context.CurrentKey % 3, timestamp, step);
            output.Collect(string.Create(CultureInfo.InvariantCulture, $"k,{context.CurrentKey},{timestamp},{rule}"));
        }
    }

    private sealed class BufferedRules(long step, long keys) : BroadcastProcessFunction<long, long, string>, ICheckpointedFunction
    {
        private IListState<long> _buffered = null!;

        public void InitializeState(FunctionInitializationContext context) => _buffered = context.OperatorState.GetListState(new ListStateDescriptor<long>("buffered"));

        public void SnapshotState(FunctionSnapshotContext context) { } // the list state is the buffer itself

        public override void ProcessElement(long value, BroadcastReadOnlyContext context, ICollector<string> output) => _buffered.Add(value);

        public override void ProcessBroadcastElement(long value, BroadcastContext context, ICollector<string> output) =>
            AddRule(context.GetBroadcastState(Rules), value);

        public override void OnEndOfInput(BroadcastReadOnlyContext context, ICollector<string> output)
        {
            var rules = context.GetBroadcastState(Rules);
            foreach (var time in _buffered.Get()) output.Collect(string.Create(CultureInfo.InvariantCulture, $"n,{time},{RuleAt(rules, time % keys % 3, time, step)}"));
        }
    }
}
