using System.Buffers;
using System.Runtime.CompilerServices;
using OrleansFlow.Api;
using OrleansFlow.Network;
using OrleansFlow.Tasks;

namespace OrleansFlow.Channels;

/// <summary>
/// The output of a chain onto one edge: partitions records into per-channel buffers and sends a buffer as an immutable
/// <see cref="RecordBatch{T}"/> when it holds <c>batchSize</c> records (size bound) or on <see cref="FlushAll"/>
/// (time bound, barrier, end of input). On a keyBy edge each record's key group travels with it, so the receiver does
/// not hash the key again. Per-record work is synchronous; nothing here awaits. A channel holds a buffer only while it
/// has records: the record that opens it takes a lease on network memory from the task's <see cref="TaskBufferBudget"/>,
/// which comes back when the receiver has applied the batch. Buffers come from <see cref="ArrayPool{T}"/>; the receiving
/// task returns them once it has applied the batch.
/// </summary>
internal sealed class RecordWriter<T> : Operators.IOutput<T>, IRecordWriter
{
    private readonly IChannelSelector<T> _selector;
    private readonly ChannelSender[] _senders;
    private readonly T[]?[] _buffers;
    private readonly int[]?[]? _keyGroups;
    private readonly long[]?[]? _timestamps;
    private readonly Operators.EventTime.RecordTimestamp? _timestamp;
    private readonly BufferLease[] _leases;
    private readonly int[] _counts;
    private readonly int _batchSize;
    private readonly TaskBufferBudget? _budget;
    private readonly long _bufferBytes;

    /// <summary>Creates the writer; with a <paramref name="budget"/> its buffers are counted in network memory.</summary>
    public RecordWriter(IChannelSelector<T> selector, ChannelSender[] senders, int batchSize, TaskBufferBudget? budget = null, Operators.EventTime.RecordTimestamp? timestamp = null)
    {
        _timestamp = timestamp;
        if (timestamp is not null) _timestamps = new long[senders.Length][];
        _selector = selector;
        _senders = senders;
        _batchSize = batchSize;
        _budget = budget;
        _buffers = new T[senders.Length][];
        _leases = new BufferLease[senders.Length];
        _counts = new int[senders.Length];
        if (selector.IsKeyed) _keyGroups = new int[senders.Length][];
        _bufferBytes = NetworkBuffers.BufferBytes<T>(batchSize, selector.IsKeyed, timestamp is not null);
        budget?.AddOutput(Shape);
    }

    /// <summary>This writer's buffers, as network memory sees them.</summary>
    public OutputBufferShape Shape => new(_bufferBytes, _batchSize, _senders.Length, _selector is BroadcastChannelSelector<T>);

    public long RecordsOut { get; private set; }

    public IReadOnlyList<ChannelSender> Senders => _senders;

    public void Collect(T record)
    {
        var channel = _selector.Select(record, out var keyGroup);
        if (channel >= 0)
        {
            Append(channel, record, keyGroup);
        }
        else
        {
            for (var c = 0; c < _senders.Length; c++) Append(c, record, keyGroup);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Append(int channel, T record, int keyGroup)
    {
        var buffer = _buffers[channel] ?? Open(channel);
        var count = _counts[channel];
        buffer[count] = record;
        if (_keyGroups is not null) _keyGroups[channel]![count] = keyGroup;
        if (_timestamps is not null) _timestamps[channel]![count] = _timestamp!.Current;
        RecordsOut++;
        if (++count == _batchSize)
        {
            Flush(channel, count);
        }
        else
        {
            _counts[channel] = count;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private T[] Open(int channel)
    {
        if (_budget is not null) _leases[channel] = _budget.Lease(_bufferBytes);
        var buffer = ArrayPool<T>.Shared.Rent(_batchSize);
        _buffers[channel] = buffer;
        if (_keyGroups is not null) _keyGroups[channel] = ArrayPool<int>.Shared.Rent(_batchSize);
        if (_timestamps is not null) _timestamps[channel] = ArrayPool<long>.Shared.Rent(_batchSize);
        return buffer;
    }

    private void Flush(int channel, int count)
    {
        _senders[channel].Send(new RecordBatch<T>(_buffers[channel]!, count, _keyGroups?[channel], _timestamps?[channel]), _leases[channel]);
        _buffers[channel] = null;
        if (_keyGroups is not null) _keyGroups[channel] = null;
        if (_timestamps is not null) _timestamps[channel] = null;
        _leases[channel] = default;
        _counts[channel] = 0;
    }

    public void FlushAll()
    {
        for (var c = 0; c < _senders.Length; c++)
        {
            if (_counts[c] > 0) Flush(c, _counts[c]);
        }
    }

    /// <summary>Event time goes to every channel, after the records before it.</summary>
    public void EmitWatermark(Watermark watermark) => BroadcastElement(watermark);

    public void EmitWatermarkStatus(WatermarkStatus status) => BroadcastElement(status);

    public void BroadcastElement(StreamElement element)
    {
        FlushAll();
        foreach (var sender in _senders) sender.Send(element, default);
    }

    public void ReleaseBuffers()
    {
        foreach (var sender in _senders) sender.Stop();
        for (var c = 0; c < _senders.Length; c++)
        {
            if (_buffers[c] is not { } buffer) continue;
            ArrayPool<T>.Shared.Return(buffer, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<T>());
            if (_keyGroups?[c] is { } keyGroups) ArrayPool<int>.Shared.Return(keyGroups);
            if (_timestamps?[c] is { } timestamps) ArrayPool<long>.Shared.Return(timestamps);
            if (_timestamps is not null) _timestamps[c] = null;
            _leases[c].Return();
            _buffers[c] = null;
            if (_keyGroups is not null) _keyGroups[c] = null;
            _leases[c] = default;
            _counts[c] = 0;
        }
    }
}
