using OrleansFlow.State;

namespace OrleansFlow.Api;

/// <summary>
/// Runs a <see cref="BroadcastProcessFunction{TIn1, TIn2, TOut}"/> as a co-process function whose second input is the
/// broadcast stream: binds the declared broadcast states to the operator state store and forwards the user function's
/// own <see cref="ICheckpointedFunction"/> calls.
/// </summary>
internal sealed class BroadcastProcessAdapter<TIn1, TIn2, TOut>(BroadcastProcessFunction<TIn1, TIn2, TOut> user, IReadOnlyList<StateDescriptor> declared)
    : CoProcessFunction<TIn1, TIn2, TOut>, ICheckpointedFunction, IDisposable
{
    private readonly DeclaredBroadcastStates _states = new(declared);
    private readonly ReadOnlyContext _readOnly = new();
    private readonly Context _context = new();

    public void InitializeState(FunctionInitializationContext context)
    {
        _states.Bind(context.OperatorState);
        _readOnly.States = _context.States = _states;
        (user as ICheckpointedFunction)?.InitializeState(context);
    }

    public void SnapshotState(FunctionSnapshotContext context) => (user as ICheckpointedFunction)?.SnapshotState(context);

    public override void Open(IRuntimeContext context) => user.Open(context);

    public override void ProcessElement1(TIn1 value, CoProcessContext context, ICollector<TOut> output)
    {
        _readOnly.Inner = context;
        user.ProcessElement(value, _readOnly, output);
    }

    public override void ProcessElement2(TIn2 value, CoProcessContext context, ICollector<TOut> output)
    {
        _context.Inner = context;
        user.ProcessBroadcastElement(value, _context, output);
    }

    public override void OnEndOfInput(ICollector<TOut> output)
    {
        _readOnly.Inner = null; // no record: no timestamp, and every input reached the end of event time
        user.OnEndOfInput(_readOnly, output);
    }

    public void Dispose() => (user as IDisposable)?.Dispose();

    private sealed class ReadOnlyContext : BroadcastReadOnlyContext
    {
        public CoProcessContext? Inner { get; set; }

        public DeclaredBroadcastStates States { get; set; } = null!;

        public override long? Timestamp => Inner?.Timestamp;

        public override long CurrentWatermark => Inner?.CurrentWatermark ?? long.MaxValue;

        public override IReadOnlyBroadcastState<TKey, TValue> GetBroadcastState<TKey, TValue>(MapStateDescriptor<TKey, TValue> descriptor) => States.ReadOnly(descriptor);

        public override void Output<T>(OutputTag<T> tag, T value) =>
            (Inner ?? throw new InvalidOperationException("Side outputs are emitted while a record is processed, not at the end of input.")).Output(tag, value);
    }

    private sealed class Context : BroadcastContext
    {
        public CoProcessContext Inner { get; set; } = null!;

        public DeclaredBroadcastStates States { get; set; } = null!;

        public override long? Timestamp => Inner.Timestamp;

        public override long CurrentWatermark => Inner.CurrentWatermark;

        public override IBroadcastState<TKey, TValue> GetBroadcastState<TKey, TValue>(MapStateDescriptor<TKey, TValue> descriptor) => States.Get(descriptor);

        public override void Output<T>(OutputTag<T> tag, T value) => Inner.Output(tag, value);
    }
}
