using OrleansFlow.Api;

namespace OrleansFlow.Operators;

/// <summary>Runs a <see cref="ProcessFunction{TIn, TOut}"/>: operator state through <see cref="FunctionOperatorState"/>, side outputs, event time.</summary>
internal sealed class ProcessOperator<TIn, TOut> : ProcessContext, IOneInputStreamOperator<TIn>, IOperatorStateOwner
{
    private readonly ProcessFunction<TIn, TOut> _function;
    private readonly OperatorContext _context;
    private readonly IOutput<TOut> _output;
    private readonly EventTime.RecordTimestamp? _timestamp;
    private long _watermark = long.MinValue;

    public ProcessOperator(ProcessFunction<TIn, TOut> function, OperatorContext context, IOutput<TOut> output, FunctionOperatorState state, EventTime.RecordTimestamp? timestamp)
    {
        _function = function;
        _context = context;
        _output = output;
        _timestamp = timestamp;
        OperatorState = state;
    }

    public string Uid => _context.OperatorUid;

    public FunctionOperatorState OperatorState { get; }

    /// <summary>Where <see cref="Output{T}"/> goes.</summary>
    public SideOutputs SideOutputs { get; init; } = SideOutputs.None;

    public override long? Timestamp => _timestamp is { Current: var t } && t != long.MinValue ? t : null;

    public override long CurrentWatermark => _watermark;

    public override void Output<T>(OutputTag<T> tag, T value)
    {
        ArgumentNullException.ThrowIfNull(tag);
        SideOutputs.Emit(tag, value);
    }

    public void Open()
    {
        OperatorState.Initialize();
        _function.Open(_context);
    }

    public void Collect(TIn record) => _function.ProcessElement(record, this, _output);

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
}
