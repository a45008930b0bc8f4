using OrleansFlow.Api;
using OrleansFlow.KeyGroups;
using OrleansFlow.State;
using OrleansFlow.Timers;

namespace OrleansFlow.Operators;

/// <summary>
/// Runs a <see cref="KeyedCoProcessFunction{TKey, TIn1, TIn2, TOut}"/>: each input has its own key selector
/// (<see cref="Input1"/>, <see cref="Input2"/>, which the task's two-input dispatcher feeds; a broadcast second input
/// has none and sets no key); both share the keyed
/// state backend and the timers, which fire as the watermark (the minimum over both inputs) and processing time advance.
/// </summary>
internal sealed class KeyedCoProcessOperator<TKey, TIn1, TIn2, TOut> : KeyedContext<TKey>, IStreamOperator, IStatefulOperator, ITimerTarget<TKey>, ILateRecordsMetric, IOperatorStateOwner
    where TKey : notnull
{
    private readonly KeyedCoProcessFunction<TKey, TIn1, TIn2, TOut> _function;
    private readonly IKeyedStateBackend<TKey> _backend;
    private readonly OperatorContext _context;
    private readonly IOutput<TOut> _output;
    private readonly KeyedTimerService<TKey> _timers;
    private readonly KeyedTimerContext<TKey> _timerContext;
    private readonly EventTime.RecordTimestamp? _timestamp;

    public KeyedCoProcessOperator(
        Func<TIn1, TKey> key1, Func<TIn2, TKey>? key2, KeyedCoProcessFunction<TKey, TIn1, TIn2, TOut> function, IKeyedStateBackend<TKey> backend,
        OperatorContext context, IOutput<TOut> output, ProcessingTimeService processingTime, EventTime.RecordTimestamp? timestamp)
    {
        _function = function;
        _backend = backend;
        _context = context;
        _output = output;
        _timestamp = timestamp;
        _timers = new KeyedTimerService<TKey>(backend, processingTime, this);
        _timerContext = new KeyedTimerContext<TKey>(this);
        var assigner = new KeyGroupAssigner(backend.MaxParallelism);
        Input1 = new Side<TIn1>(this, key1, assigner, (value, op) => op._function.ProcessElement1(value, op, op._output));
        Input2 = key2 is null
            ? new KeylessSide<TIn2>(this, (value, op) => op._function.ProcessElement2(value, op, op._output))
            : new Side<TIn2>(this, key2, assigner, (value, op) => op._function.ProcessElement2(value, op, op._output));
    }

    /// <summary>Where the first input's records go.</summary>
    public IKeyGroupedCollector<TIn1> Input1 { get; }

    /// <summary>Where the second input's records go.</summary>
    public IKeyGroupedCollector<TIn2> Input2 { get; }

    public string Uid => _context.OperatorUid;

    public KeyGroupRange KeyGroups => _backend.KeyGroupRange;

    public SideOutputs SideOutputs { get; init; } = SideOutputs.None;

    /// <summary>Records the function dropped as late (joins).</summary>
    public long LateRecordsDropped => (_function as ILateRecordsMetric)?.LateRecordsDropped ?? 0;

    public IKeyedStateSnapshot BeginSnapshot() => _backend.BeginSnapshot(_backend.KeyGroupRange);

    public void RestoreState(Stream input, Checkpointing.StateFileSectionChecksums? checksums) => _backend.Restore(input, _backend.KeyGroupRange, checksums);

    public override TKey CurrentKey => _backend.CurrentKey;

    public override long? Timestamp => _timestamp is { Current: var t } && t != long.MinValue ? t : null;

    public override ITimerService TimerService => _timers;

    internal override void SetOutputTimestamp(long timestamp)
    {
        if (_timestamp is not null) _timestamp.Current = timestamp;
    }

    public override void Output<T>(OutputTag<T> tag, T value)
    {
        ArgumentNullException.ThrowIfNull(tag);
        SideOutputs.Emit(tag, value);
    }

    public override void ApplyToAllKeys(StateDescriptor state, Action<TKey> action)
    {
        ArgumentNullException.ThrowIfNull(state);
        _backend.ApplyToAllKeys(state.Name, action);
    }

    /// <summary>The operator states of the function (<see cref="ICheckpointedFunction"/>).</summary>
    public required FunctionOperatorState OperatorState { get; init; }

    public void Open()
    {
        _timers.Restored();
        OperatorState.Initialize();
        _function.Open(_context);
    }

    public void ProcessWatermark(Tasks.Watermark watermark)
    {
        _timers.AdvanceWatermark(watermark.Timestamp);
        _output.EmitWatermark(watermark);
        SideOutputs.EmitWatermark(watermark);
    }

    public void ProcessWatermarkStatus(Tasks.WatermarkStatus status)
    {
        _output.EmitWatermarkStatus(status);
        SideOutputs.EmitWatermarkStatus(status);
    }

    public void EndInput() => _function.OnEndOfInput(this, _output);

    public void OnTimer(TKey key, long timestamp, TimeDomain domain)
    {
        if (_timestamp is not null) _timestamp.Current = domain == TimeDomain.EventTime ? timestamp : long.MinValue;
        _timerContext.Domain = domain;
        _timerContext.Time = timestamp;
        _function.OnTimer(timestamp, _timerContext, _output);
    }

    public void NotifyCheckpointComplete(long checkpointId) { }

    public void NotifyCheckpointAborted(long checkpointId) { }

    public void Dispose()
    {
        try
        {
            (_function as IDisposable)?.Dispose();
        }
        finally
        {
            _backend.Dispose();
        }
    }

    /// <summary>A broadcast input: no key is set (the function reaches keyed state through <c>ApplyToAllKeys</c> only).</summary>
    private sealed class KeylessSide<T>(KeyedCoProcessOperator<TKey, TIn1, TIn2, TOut> owner, Action<T, KeyedCoProcessOperator<TKey, TIn1, TIn2, TOut>> process)
        : IKeyGroupedCollector<T>
    {
        public void Collect(T record) => process(record, owner);

        public void Collect(T record, int keyGroup) => process(record, owner);
    }

    /// <summary>One input: sets the current key with its own selector, then calls the function's method for it.</summary>
    private sealed class Side<T>(KeyedCoProcessOperator<TKey, TIn1, TIn2, TOut> owner, Func<T, TKey> key, KeyGroupAssigner assigner,
        Action<T, KeyedCoProcessOperator<TKey, TIn1, TIn2, TOut>> process) : IKeyGroupedCollector<T>
    {
        public void Collect(T record)
        {
            var k = key(record);
            owner._backend.SetCurrentKey(k, assigner.KeyGroupOf(k));
            process(record, owner);
        }

        public void Collect(T record, int keyGroup)
        {
            owner._backend.SetCurrentKey(key(record), keyGroup);
            process(record, owner);
        }
    }
}
