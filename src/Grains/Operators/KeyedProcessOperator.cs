using OrleansFlow.Api;
using OrleansFlow.KeyGroups;
using OrleansFlow.State;

namespace OrleansFlow.Operators;

/// <summary>Runs a <see cref="KeyedProcessFunction{TKey, TIn, TOut}"/>: sets the current key of the state backend per record.</summary>
internal sealed class KeyedProcessOperator<TKey, TIn, TOut> : KeyedContext<TKey>, IKeyGroupedCollector<TIn>, IOneInputStreamOperator<TIn>, IStatefulOperator where TKey : notnull
{
    private readonly Func<TIn, TKey> _keySelector;
    private readonly KeyedProcessFunction<TKey, TIn, TOut> _function;
    private readonly IKeyedStateBackend<TKey> _backend;
    private readonly OperatorContext _context;
    private readonly IOutput<TOut> _output;
    private readonly KeyGroupAssigner _assigner;

    public KeyedProcessOperator(
        Func<TIn, TKey> keySelector, KeyedProcessFunction<TKey, TIn, TOut> function, IKeyedStateBackend<TKey> backend,
        OperatorContext context, IOutput<TOut> output)
    {
        _keySelector = keySelector;
        _function = function;
        _backend = backend;
        _context = context;
        _output = output;
        _assigner = new KeyGroupAssigner(backend.MaxParallelism);
    }

    public IKeyedStateBackend<TKey> Backend => _backend;

    public string Uid => _context.OperatorUid;

    public KeyGroupRange KeyGroups => _backend.KeyGroupRange;

    public IKeyedStateSnapshot BeginSnapshot() => _backend.BeginSnapshot(_backend.KeyGroupRange);

    public void RestoreState(Stream input, Checkpointing.StateFileSectionChecksums? checksums) => _backend.Restore(input, _backend.KeyGroupRange, checksums);

    public override TKey CurrentKey => _backend.CurrentKey;

    /// <summary>The chain's current record timestamp, when the job has event time.</summary>
    public EventTime.RecordTimestamp? RecordTimestamp { get; init; }

    public override long? Timestamp => RecordTimestamp is { Current: var t } && t != long.MinValue ? t : null;

    public void Open() => _function.Open(_context);

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

    /// <summary>Forwards event time (event-time timers come with the timer service).</summary>
    public void ProcessWatermark(Tasks.Watermark watermark) => _output.EmitWatermark(watermark);

    public void ProcessWatermarkStatus(Tasks.WatermarkStatus status) => _output.EmitWatermarkStatus(status);

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
