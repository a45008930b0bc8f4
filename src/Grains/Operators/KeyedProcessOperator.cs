using OrleansFlow.Api;
using OrleansFlow.KeyGroups;
using OrleansFlow.State;
using OrleansFlow.Timers;

namespace OrleansFlow.Operators;

/// <summary>
/// Runs a <see cref="KeyedProcessFunction{TKey, TIn, TOut}"/>: sets the current key of the state backend per record,
/// and fires the function's timers (<see cref="KeyedTimerService{TKey}"/>) as watermarks and processing time advance.
/// </summary>
internal sealed class KeyedProcessOperator<TKey, TIn, TOut> : KeyedContext<TKey>, IKeyGroupedCollector<TIn>, IOneInputStreamOperator<TIn>, IStatefulOperator, ITimerTarget<TKey>, ILateRecordsMetric, IOperatorStateOwner
    where TKey : notnull
{
    private readonly Func<TIn, TKey> _keySelector;
    private readonly KeyedProcessFunction<TKey, TIn, TOut> _function;
    private readonly IKeyedStateBackend<TKey> _backend;
    private readonly OperatorContext _context;
    private readonly IOutput<TOut> _output;
    private readonly KeyGroupAssigner _assigner;
    private readonly KeyedTimerService<TKey> _timers;
    private readonly KeyedTimerContext<TKey> _timerContext;
    private readonly EventTime.RecordTimestamp? _timestamp;
    private readonly Api.Windowing.IWatermarkDrivenFunction<TKey, TOut>? _watermarkDriven;
    private readonly Action<TKey, int> _selectKey;

    public KeyedProcessOperator(
        Func<TIn, TKey> keySelector, KeyedProcessFunction<TKey, TIn, TOut> function, IKeyedStateBackend<TKey> backend,
        OperatorContext context, IOutput<TOut> output, ProcessingTimeService processingTime, EventTime.RecordTimestamp? timestamp = null)
    {
        _keySelector = keySelector;
        _function = function;
        _backend = backend;
        _context = context;
        _output = output;
        _timestamp = timestamp;
        _assigner = new KeyGroupAssigner(backend.MaxParallelism);
        _timers = new KeyedTimerService<TKey>(backend, processingTime, this);
        _timerContext = new KeyedTimerContext<TKey>(this);
        _watermarkDriven = function as Api.Windowing.IWatermarkDrivenFunction<TKey, TOut>;
        _selectKey = _backend.SetCurrentKey;
    }

    public IKeyedStateBackend<TKey> Backend => _backend;

    /// <summary>The operator's timers (for tests and metrics).</summary>
    public KeyedTimerService<TKey> Timers => _timers;

    public string Uid => _context.OperatorUid;

    public KeyGroupRange KeyGroups => _backend.KeyGroupRange;

    public IKeyedStateSnapshot BeginSnapshot() => _backend.BeginSnapshot(_backend.KeyGroupRange);

    public void RestoreState(Stream input, Checkpointing.StateFileSectionChecksums? checksums) => _backend.Restore(input, _backend.KeyGroupRange, checksums);

    public override TKey CurrentKey => _backend.CurrentKey;

    public override long? Timestamp => _timestamp is { Current: var t } && t != long.MinValue ? t : null;

    public override ITimerService TimerService => _timers;

    /// <summary>Where <see cref="Output{T}"/> goes (the job graph's edges that read this operator's side outputs).</summary>
    public SideOutputs SideOutputs { get; init; } = SideOutputs.None;

    public override void Output<T>(OutputTag<T> tag, T value)
    {
        ArgumentNullException.ThrowIfNull(tag);
        SideOutputs.Emit(tag, value);
    }

    internal override void SetOutputTimestamp(long timestamp)
    {
        if (_timestamp is not null) _timestamp.Current = timestamp;
    }

    /// <summary>Records the function dropped as late (windows).</summary>
    public long LateRecordsDropped => (_function as ILateRecordsMetric)?.LateRecordsDropped ?? 0;

    /// <summary>Rebuilds the timers from the restored state, then opens the function.</summary>
    /// <summary>The operator states of the function (<see cref="ICheckpointedFunction"/>).</summary>
    public required FunctionOperatorState OperatorState { get; init; }

    public void Open()
    {
        _timers.Restored();
        OperatorState.Initialize();
        _function.Open(_context);
    }

    public void Collect(TIn record)
    {
        var key = _keySelector(record);
        _backend.SetCurrentKey(key, _assigner.KeyGroupOf(key));
        _function.ProcessElement(record, this, _output);
    }

    public void Collect(TIn record, int keyGroup)
    {
        _backend.SetCurrentKey(_keySelector(record), keyGroup); // the backend checks the key group is this subtask's
        _function.ProcessElement(record, this, _output);
    }

    public void EndInput() => _function.OnEndOfInput(this, _output);

    /// <summary>Fires the event-time timers the watermark passed (and a watermark-driven function's due windows), then forwards it.</summary>
    public void ProcessWatermark(Tasks.Watermark watermark)
    {
        _timers.AdvanceWatermark(watermark.Timestamp);
        _watermarkDriven?.OnWatermark(watermark.Timestamp, this, _selectKey, _output);
        _output.EmitWatermark(watermark);
        SideOutputs.EmitWatermark(watermark);
    }

    public void ProcessWatermarkStatus(Tasks.WatermarkStatus status)
    {
        _output.EmitWatermarkStatus(status);
        SideOutputs.EmitWatermarkStatus(status);
    }

    /// <summary>A timer fired (its key is current): output of an event-time timer carries the timer's time, as in Flink.</summary>
    public void OnTimer(TKey key, long timestamp, TimeDomain domain)
    {
        if (_timestamp is not null) _timestamp.Current = domain == TimeDomain.EventTime ? timestamp : long.MinValue;
        _timerContext.Domain = domain;
        _timerContext.Time = timestamp;
        _function.OnTimer(timestamp, _timerContext, _output);
    }

    public void NotifyCheckpointComplete(long checkpointId) { }

    public void NotifyCheckpointAborted(long checkpointId) { }

    public override void ApplyToAllKeys(StateDescriptor state, Action<TKey> action)
    {
        ArgumentNullException.ThrowIfNull(state);
        _backend.ApplyToAllKeys(state.Name, action);
    }

    /// <summary>Disposes the function, then the state backend (which the operator owns): snapshots in flight are forgotten, not merged.</summary>
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
}
