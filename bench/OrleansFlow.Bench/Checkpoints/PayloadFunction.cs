using OrleansFlow.Api;
using OrleansFlow.State;

namespace OrleansFlow.Bench.Checkpoints;

/// <summary>
/// Keeps one <c>byte[payloadBytes]</c> per key in the value state <c>payload</c> (created on the key's first record,
/// filled with a byte derived from the key, so the bytes are not all zero). Emits nothing.
/// </summary>
internal sealed class PayloadFunction(int payloadBytes) : KeyedProcessFunction<long, long, long>
{
    /// <summary>The state that holds the payloads.</summary>
    public static readonly ValueStateDescriptor<byte[]?> PayloadState = new("payload");

    private IValueState<byte[]?> _payload = null!;

    /// <inheritdoc />
    public override void Open(IRuntimeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _payload = context.State.GetState(PayloadState);
    }

    /// <inheritdoc />
    public override void ProcessElement(long value, KeyedContext<long> context, ICollector<long> output)
    {
        if (_payload.Value is not null) return;
        var bytes = GC.AllocateUninitializedArray<byte>(payloadBytes);
        bytes.AsSpan().Fill((byte)(value * 31 + 7));
        _payload.Update(bytes);
    }
}
