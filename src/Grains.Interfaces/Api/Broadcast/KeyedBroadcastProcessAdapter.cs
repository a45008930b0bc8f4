using OrleansFlow.State;

namespace OrleansFlow.Api;

/// <summary>
/// Runs a <see cref="KeyedBroadcastProcessFunction{TKey, TIn1, TIn2, TOut}"/> as a keyed co-process function whose second
/// input is the broadcast stream (read without a key): binds the declared broadcast states to the operator state store
/// and forwards the user function's own <see cref="ICheckpointedFunction"/> calls.
/// </summary>
internal sealed class KeyedBroadcastProcessAdapter<TKey, TIn1, TIn2, TOut>(KeyedBroadcastProcessFunction<TKey, TIn1, TIn2, TOut> user, IReadOnlyList<StateDescriptor> declared)
    : KeyedCoProcessFunction<TKey, TIn1, TIn2, TOut>, ICheckpointedFunction, IDisposable where TKey : notnull
{
    private readonly DeclaredBroadcastStates _states = new(declared);
    private readonly ReadOnlyContext _readOnly = new();
    private readonly TimerContext _timer = new();
    private readonly Context _context = new();

    public void InitializeState(FunctionInitializationContext context)
    {
        _states.Bind(context.OperatorState);
        _readOnly.States = _timer.States = _context.States = _states;
        (user as ICheckpointedFunction)?.InitializeState(context);
    }

    public void SnapshotState(FunctionSnapshotContext context) => (user as ICheckpointedFunction)?.SnapshotState(context);

    public override void Open(IRuntimeContext context) => user.Open(context);

    public override void ProcessElement1(TIn1 value, KeyedContext<TKey> context, ICollector<TOut> output)
    {
        _readOnly.Inner = context;
        user.ProcessElement(value, _readOnly, output);
    }

    public override void ProcessElement2(TIn2 value, KeyedContext<TKey> context, ICollector<TOut> output)
    {
        _context.Inner = context;
        user.ProcessBroadcastElement(value, _context, output);
    }

    public override void OnTimer(long timestamp, OnTimerContext<TKey> context, ICollector<TOut> output)
    {
        _timer.Inner = context;
        _timer.Domain = context.TimeDomain;
        user.OnTimer(timestamp, _timer, output);
    }

    public override void OnEndOfInput(KeyedContext<TKey> context, ICollector<TOut> output)
    {
        _readOnly.Inner = context;
        user.OnEndOfInput(_readOnly, output);
    }

    public void Dispose() => (user as IDisposable)?.Dispose();

    private class ReadOnlyContext : KeyedBroadcastReadOnlyContext<TKey>
    {
        public KeyedContext<TKey> Inner { get; set; } = null!;

        public DeclaredBroadcastStates States { get; set; } = null!;

        public override TKey CurrentKey => Inner.CurrentKey;

        public override long? Timestamp => Inner.Timestamp;

        public override ITimerService TimerService => Inner.TimerService;

        public override void Output<T>(OutputTag<T> tag, T value) => Inner.Output(tag, value);

        internal override void SetOutputTimestamp(long timestamp) => Inner.SetOutputTimestamp(timestamp);

        public override void ApplyToAllKeys(StateDescriptor state, Action<TKey> action) => Inner.ApplyToAllKeys(state, action);

        public override IReadOnlyBroadcastState<TK, TV> GetBroadcastState<TK, TV>(MapStateDescriptor<TK, TV> descriptor) => States.ReadOnly(descriptor);
    }

    private sealed class TimerContext : KeyedBroadcastOnTimerContext<TKey>
    {
        public KeyedContext<TKey> Inner { get; set; } = null!;

        public DeclaredBroadcastStates States { get; set; } = null!;

        public TimeDomain Domain { get; set; }

        public override TimeDomain TimeDomain => Domain;

        public override TKey CurrentKey => Inner.CurrentKey;

        public override long? Timestamp => Inner.Timestamp;

        public override ITimerService TimerService => Inner.TimerService;

        public override void Output<T>(OutputTag<T> tag, T value) => Inner.Output(tag, value);

        internal override void SetOutputTimestamp(long timestamp) => Inner.SetOutputTimestamp(timestamp);

        public override void ApplyToAllKeys(StateDescriptor state, Action<TKey> action) => Inner.ApplyToAllKeys(state, action);

        public override IReadOnlyBroadcastState<TK, TV> GetBroadcastState<TK, TV>(MapStateDescriptor<TK, TV> descriptor) => States.ReadOnly(descriptor);
    }

    private sealed class Context : KeyedBroadcastContext<TKey>
    {
        public KeyedContext<TKey> Inner { get; set; } = null!;

        public DeclaredBroadcastStates States { get; set; } = null!;

        public override long? Timestamp => Inner.Timestamp;

        public override long CurrentWatermark => Inner.TimerService.CurrentWatermark();

        public override IBroadcastState<TK, TV> GetBroadcastState<TK, TV>(MapStateDescriptor<TK, TV> descriptor) => States.Get(descriptor);

        public override void ApplyToKeyedState(StateDescriptor state, Action<TKey> action) => Inner.ApplyToAllKeys(state, action);

        public override void Output<T>(OutputTag<T> tag, T value) => Inner.Output(tag, value);
    }
}
