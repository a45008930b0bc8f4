using System.Runtime.CompilerServices;
using OrleansFlow.Api;
using OrleansFlow.Tasks;

namespace OrleansFlow.Channels;

/// <summary>
/// The output of a chain onto one edge: partitions records into per-channel buffers and sends a buffer as an immutable
/// <see cref="RecordBatch{T}"/> when it holds <c>batchSize</c> records (size bound) or on <see cref="FlushAll"/>
/// (time bound, barrier, end of input). Per-record work is synchronous; nothing here awaits.
/// </summary>
internal sealed class RecordWriter<T> : ICollector<T>, IRecordWriter
{
    private readonly IChannelSelector<T> _selector;
    private readonly ChannelSender[] _senders;
    private readonly T[][] _buffers;
    private readonly int[] _counts;
    private readonly int _batchSize;

    public RecordWriter(IChannelSelector<T> selector, ChannelSender[] senders, int batchSize)
    {
        _selector = selector;
        _senders = senders;
        _batchSize = batchSize;
        _buffers = new T[senders.Length][];
        _counts = new int[senders.Length];
        for (var i = 0; i < senders.Length; i++) _buffers[i] = new T[batchSize];
    }

    public long RecordsOut { get; private set; }

    public IReadOnlyList<ChannelSender> Senders => _senders;

    public void Collect(T record)
    {
        var channel = _selector.Select(record);
        if (channel >= 0)
        {
            Append(channel, record);
        }
        else
        {
            for (var c = 0; c < _senders.Length; c++) Append(c, record);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Append(int channel, T record)
    {
        var count = _counts[channel];
        _buffers[channel][count] = record;
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
        _senders[channel].Send(new RecordBatch<T>(_buffers[channel], count));
        _buffers[channel] = new T[_batchSize];
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
