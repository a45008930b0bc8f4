using System.Buffers;
using System.Runtime.CompilerServices;
using OrleansFlow.Api;
using OrleansFlow.Tasks;

namespace OrleansFlow.Channels;

/// <summary>
/// The output of a chain onto one edge: partitions records into per-channel buffers and sends a buffer as an immutable
/// <see cref="RecordBatch{T}"/> when it holds <c>batchSize</c> records (size bound) or on <see cref="FlushAll"/>
/// (time bound, barrier, end of input). On a keyBy edge each record's key group travels with it, so the receiver does
/// not hash the key again. Per-record work is synchronous; nothing here awaits. Buffers come from
/// <see cref="ArrayPool{T}"/>; the receiving task returns them once it has applied the batch.
/// </summary>
internal sealed class RecordWriter<T> : ICollector<T>, IRecordWriter
{
    private readonly IChannelSelector<T> _selector;
    private readonly ChannelSender[] _senders;
    private readonly T[][] _buffers;
    private readonly int[][]? _keyGroups;
    private readonly int[] _counts;
    private readonly int _batchSize;

    public RecordWriter(IChannelSelector<T> selector, ChannelSender[] senders, int batchSize)
    {
        _selector = selector;
        _senders = senders;
        _batchSize = batchSize;
        _buffers = new T[senders.Length][];
        _counts = new int[senders.Length];
        for (var i = 0; i < senders.Length; i++) _buffers[i] = ArrayPool<T>.Shared.Rent(batchSize);
        if (selector.IsKeyed)
        {
            _keyGroups = new int[senders.Length][];
            for (var i = 0; i < senders.Length; i++) _keyGroups[i] = ArrayPool<int>.Shared.Rent(batchSize);
        }
    }

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
        var count = _counts[channel];
        _buffers[channel][count] = record;
        if (_keyGroups is not null) _keyGroups[channel][count] = keyGroup;
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

    private void Flush(int channel, int count)
    {
        _senders[channel].Send(new RecordBatch<T>(_buffers[channel], count, _keyGroups?[channel]));
        _buffers[channel] = ArrayPool<T>.Shared.Rent(_batchSize);
        if (_keyGroups is not null) _keyGroups[channel] = ArrayPool<int>.Shared.Rent(_batchSize);
        _counts[channel] = 0;
    }

    public void FlushAll()
    {
        for (var c = 0; c < _senders.Length; c++)
        {
            if (_counts[c] > 0) Flush(c, _counts[c]);
        }
    }

    public void BroadcastElement(StreamElement element)
    {
        FlushAll();
        foreach (var sender in _senders) sender.Send(element);
    }
}
