using Microsoft.Extensions.Time.Testing;
using OrleansFlow.Api.Windowing;
using OrleansFlow.Operators;
using OrleansFlow.Operators.EventTime;
using OrleansFlow.State;
using OrleansFlow.Tests.Operators;
using OrleansFlow.Tests.State;
using OrleansFlow.Timers;

namespace OrleansFlow.Tests.Windowing;

/// <summary>
/// A window operator over (key, value) pairs on a fake clock: records go in with an event time, watermarks and
/// processing-time wake-ups are driven by the test, and the results are recorded. Keys are strings.
/// </summary>
internal sealed class WindowOperatorHarness<TWindow> : IDisposable where TWindow : struct, IWindow
{
    private readonly RecordTimestamp _timestamp = new();
    private readonly KeyedProcessOperator<string, (string Key, long Value), string> _operator;

    public WindowOperatorHarness(WindowAssigner<TWindow> assigner, Func<WindowedStreamFunctions<TWindow>, OrleansFlow.Api.KeyedProcessFunction<string, (string Key, long Value), string>> function, DateTimeOffset start)
        : this(assigner, function, start, new OrleansFlow.KeyGroups.KeyGroupRange(0, 127), [])
    {
    }

    /// <summary>A harness owning key groups <paramref name="range"/>, restored from <paramref name="snapshots"/> (keyed-state snapshots of other harnesses) before it opens.</summary>
    public WindowOperatorHarness(
        WindowAssigner<TWindow> assigner, Func<WindowedStreamFunctions<TWindow>, OrleansFlow.Api.KeyedProcessFunction<string, (string Key, long Value), string>> function, DateTimeOffset start,
        OrleansFlow.KeyGroups.KeyGroupRange range, IEnumerable<byte[]> snapshots)
    {
        Clock = new FakeTimeProvider(start);
        ProcessingTime = new ProcessingTimeService(Clock, Scheduled.Add);
        var backend = StateTestSupport.CreateBackend<string>(range.StartKeyGroup, range.EndKeyGroup);
        foreach (var snapshot in snapshots) backend.Restore(new MemoryStream(snapshot), range);
        Backend = backend;
        var windowFunction = function(new WindowedStreamFunctions<TWindow>(assigner));
        _operator = new KeyedProcessOperator<string, (string Key, long Value), string>(
            e => e.Key, windowFunction, backend, new OperatorContext("window", 0, 1, 128, backend),
            new StampingOutput(Output, _timestamp, Stamps),
            ProcessingTime, _timestamp)
        {
            OperatorState = new FunctionOperatorState(windowFunction, new OperatorStateBackend(StateTestSupport.Serializer, "window"), backend, 0),
        };
        _operator.Open();
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>The operator's keyed state.</summary>
    public HeapKeyedStateBackend<string> Backend { get; }

    public ProcessingTimeService ProcessingTime { get; }

    public List<TimeSpan> Scheduled { get; } = [];

    public RecordingOutput<string> Output { get; } = new();

    public IEnumerable<string> Results => Output.Received.OfType<string>();

    /// <summary>Each result with the event time it went out with.</summary>
    public List<(string Result, long Timestamp)> Stamps { get; } = [];

    public void Add(string key, long value, long eventTime = long.MinValue)
    {
        _timestamp.Current = eventTime;
        _operator.Collect((key, value));
    }

    public void Watermark(long time) => _operator.ProcessWatermark(new OrleansFlow.Tasks.Watermark(time));

    /// <summary>Moves the clock and delivers the wake-up the operator asked for, as the task grain would.</summary>
    public void AdvanceClock(TimeSpan by)
    {
        Clock.Advance(by);
        if (ProcessingTime.PendingWakeUp <= Clock.GetUtcNow().ToUnixTimeMilliseconds()) ProcessingTime.Fire();
    }

    public void Dispose() => _operator.Dispose();
}

/// <summary>Builds window operator functions over the harness's pairs, emitting "key,start,end,count,sum".</summary>
internal sealed class WindowedStreamFunctions<TWindow>(WindowAssigner<TWindow> assigner) where TWindow : struct, IWindow
{
    public OrleansFlow.Api.KeyedProcessFunction<string, (string Key, long Value), string> Sum(Trigger<TWindow>? trigger = null) =>
        new WindowOperatorFunction<string, (string Key, long Value), List<(string Key, long Value)>, IReadOnlyList<(string Key, long Value)>, string, TWindow>(
            assigner, trigger ?? assigner.DefaultTrigger, 0, new ListAggregate<(string Key, long Value)>(),
            new ElementsEmitter<string, (string Key, long Value), string, TWindow>(new Describe()));

    private sealed class Describe : ProcessWindowFunction<(string Key, long Value), string, string, TWindow>
    {
        public override void Process(string key, WindowContext<TWindow> context, IReadOnlyList<(string Key, long Value)> elements, OrleansFlow.Api.ICollector<string> output)
        {
            var bounds = context.Window is TimeWindow w ? $"{w.Start},{w.End}" : "global";
            output.Collect($"{key},{bounds},{elements.Count},{elements.Sum(e => e.Value)}");
        }
    }
}

/// <summary>Records each result with the chain's current record timestamp when it is emitted.</summary>
internal sealed class StampingOutput(RecordingOutput<string> inner, RecordTimestamp timestamp, List<(string, long)> stamps) : IOutput<string>
{
    public void Collect(string record)
    {
        stamps.Add((record, timestamp.Current));
        inner.Collect(record);
    }

    public void EmitWatermark(OrleansFlow.Tasks.Watermark watermark) => inner.EmitWatermark(watermark);

    public void EmitWatermarkStatus(OrleansFlow.Tasks.WatermarkStatus status) => inner.EmitWatermarkStatus(status);
}
