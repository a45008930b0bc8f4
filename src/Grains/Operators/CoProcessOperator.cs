using OrleansFlow.Api;

namespace OrleansFlow.Operators;

/// <summary>Runs a <see cref="CoProcessFunction{TIn1, TIn2, TOut}"/> over the task's two inputs (<see cref="Input1"/>, <see cref="Input2"/>).</summary>
internal sealed class CoProcessOperator<TIn1, TIn2, TOut> : CoProcessContext, IStreamOperator, IOperatorStateOwner
{
    private readonly CoProcessFunction<TIn1, TIn2, TOut> _function;
    private readonly OperatorContext _context;
    private readonly IOutput<TOut> _output;
    private readonly EventTime.RecordTimestamp? _timestamp;
    private long _watermark = long.MinValue;

    public CoProcessOperator(CoProcessFunction<TIn1, TIn2, TOut> function, OperatorContext context, IOutput<TOut> output, EventTime.RecordTimestamp? timestamp)
    {
        _function = function;
        _context = context;
        _output = output;
        _timestamp = timestamp;
        Input1 = new Side<TIn1>(value => _function.ProcessElement1(value, this, _output));
        Input2 = new Side<TIn2>(value => _function.ProcessElement2(value, this, _output));
    }

    public ICollector<TIn1> Input1 { get; }

    public ICollector<TIn2> Input2 { get; }

    public override long? Timestamp => _timestamp is { Current: var t } && t != long.MinValue ? t : null;

    public override long CurrentWatermark => _watermark;

    /// <summary>Where <see cref="Output{T}"/> goes.</summary>
    public SideOutputs SideOutputs { get; init; } = SideOutputs.None;

    public override void Output<T>(OutputTag<T> tag, T value)
    {
        ArgumentNullException.ThrowIfNull(tag);
        SideOutputs.Emit(tag, value);
    }

    /// <summary>The operator states of the function (<see cref="ICheckpointedFunction"/>).</summary>
    public required FunctionOperatorState OperatorState { get; init; }

    public string Uid => _context.OperatorUid;

    public void Open()
    {
        OperatorState.Initialize();
        _function.Open(_context);
    }

    public void ProcessWatermark(Tasks.Watermark watermark)
    {
        _watermark = watermark.Timestamp;
        _output.EmitWatermark(watermark);
        SideOutputs.EmitWatermark(watermark);
    }

    public void ProcessWatermarkStatus(Tasks.WatermarkStatus status)
    {
        _output.EmitWatermarkStatus(status);
        SideOutputs.EmitWatermarkStatus(status);
    }

    public void EndInput() => _function.OnEndOfInput(_output);

    public void NotifyCheckpointComplete(long checkpointId) { }

    public void NotifyCheckpointAborted(long checkpointId) { }

    public void Dispose() => (_function as IDisposable)?.Dispose();

    private sealed class Side<T>(Action<T> process) : ICollector<T>
    {
        public void Collect(T record) => process(record);
    }
}
