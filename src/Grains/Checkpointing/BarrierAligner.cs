using OrleansFlow.Tasks;

namespace OrleansFlow.Checkpointing;

/// <summary>
/// Aligned barriers for one task (pure, single-threaded). Elements of each input channel are offered in channel
/// order; records pass straight through until a channel delivers barrier n. That channel is then held back (its later
/// elements queue) until every channel that has not ended delivered barrier n; then the barrier itself is released —
/// the task snapshots and forwards it — and the held elements follow in order. A newer barrier arriving while an
/// older one is aligning abandons the older alignment (its checkpoint was aborted upstream). Held elements still count
/// in their sender's window until the task tells the sender that the channel is no longer held (<see cref="IsHeld"/>;
/// see <c>ChannelSender.ReleaseHeld</c>), so a held channel is backpressured; the records an alignment held are counted
/// (<see cref="LastAlignmentBufferedRecords"/>) and reported with the checkpoint.
/// </summary>
internal sealed class BarrierAligner<TChannel> where TChannel : notnull
{
    private readonly Dictionary<TChannel, Queue<StreamElement>?> _held = [];
    private readonly HashSet<TChannel> _ended = [];
    private readonly TimeProvider _time;
    private long _aligning = -1;
    private long _alignmentStart;
    private long _heldRecords;
    private readonly long _maxHeldRecords;
    private long _givenUpThrough = -1;
    private readonly List<long> _givenUp = [];

    /// <summary>
    /// Aligns <paramref name="channels"/>; with <paramref name="maxHeldRecords"/> &gt; 0, an alignment that would hold more
    /// records is given up: its held channels are released, the rest of its barriers are dropped, and its checkpoint is
    /// reported by <see cref="TakeGivenUp"/>.
    /// </summary>
    public BarrierAligner(IEnumerable<TChannel> channels, TimeProvider time, long maxHeldRecords = 0)
    {
        foreach (var c in channels) _held.Add(c, null);
        _time = time;
        _maxHeldRecords = maxHeldRecords;
    }

    /// <summary>Whether <paramref name="channel"/>'s elements are held back now (its barrier arrived, the alignment is not complete).</summary>
    public bool IsHeld(TChannel channel) => _held.TryGetValue(channel, out var queue) && queue is not null;

    /// <summary>Whether <paramref name="channel"/> delivered its end of input.</summary>
    public bool IsEnded(TChannel channel) => _ended.Contains(channel);

    /// <summary>The checkpoint being aligned, or -1.</summary>
    public long Aligning => _aligning;

    /// <summary>How long the last completed alignment held channels back.</summary>
    public TimeSpan LastAlignmentDuration { get; private set; }

    /// <summary>How many records the last completed alignment held back (queued in memory until it completed).</summary>
    public long LastAlignmentBufferedRecords { get; private set; }

    /// <summary>Offers the next element of <paramref name="channel"/>; what the task must process now is appended to <paramref name="output"/> in order.</summary>
    public void Offer(TChannel channel, StreamElement element, List<StreamElement> output)
    {
        var tagged = new List<(TChannel Channel, StreamElement Element)>();
        Offer(channel, element, tagged);
        foreach (var (_, released) in tagged) output.Add(released);
    }

    /// <summary>
    /// Offers the next element of <paramref name="channel"/>; what the task must process now is appended to
    /// <paramref name="output"/> in order, each with the channel it came from (an aligned barrier with the channel whose
    /// barrier, or end, completed the alignment).
    /// </summary>
    public void Offer(TChannel channel, StreamElement element, List<(TChannel Channel, StreamElement Element)> output)
    {
        if (!_held.TryGetValue(channel, out var queue)) throw new ArgumentException($"Unknown input channel {channel}.", nameof(channel));
        if (queue is not null)
        {
            queue.Enqueue(element);
            _heldRecords += element.RecordCount;
            if (_maxHeldRecords > 0 && _heldRecords > _maxHeldRecords) GiveUp(output);
            return;
        }
        switch (element)
        {
            case CheckpointBarrier barrier:
                OnBarrier(channel, barrier, output);
                break;
            case EndOfInput:
                _ended.Add(channel);
                output.Add((channel, element));
                if (_aligning >= 0) TryComplete(channel, output);
                break;
            default:
                output.Add((channel, element));
                break;
        }
    }

    private void OnBarrier(TChannel channel, CheckpointBarrier barrier, List<(TChannel Channel, StreamElement Element)> output)
    {
        if (barrier.CheckpointId < _aligning || barrier.CheckpointId <= _givenUpThrough) return; // older than the alignment in progress, or given up: its checkpoint is gone
        if (barrier.CheckpointId > _aligning && _aligning >= 0) Release(output); // abandon the older alignment
        if (_aligning < 0)
        {
            _aligning = barrier.CheckpointId;
            _alignmentStart = _time.GetTimestamp();
            _heldRecords = 0;
        }
        _held[channel] = new Queue<StreamElement>();
        TryComplete(channel, output, barrier);
    }

    private void TryComplete(TChannel channel, List<(TChannel Channel, StreamElement Element)> output, CheckpointBarrier? barrier = null)
    {
        if (_held.Any(kv => kv.Value is null && !_ended.Contains(kv.Key))) return;
        LastAlignmentDuration = _time.GetElapsedTime(_alignmentStart);
        LastAlignmentBufferedRecords = _heldRecords;
        output.Add((channel, barrier ?? new CheckpointBarrier(_aligning)));
        Release(output);
    }

    /// <summary>The checkpoints whose alignment was given up since the last call (the task declines them).</summary>
    public IReadOnlyList<long> TakeGivenUp()
    {
        if (_givenUp.Count == 0) return [];
        var givenUp = _givenUp.ToArray();
        _givenUp.Clear();
        return givenUp;
    }

    /// <summary>Gives the alignment in progress up: it held too many records.</summary>
    private void GiveUp(List<(TChannel Channel, StreamElement Element)> output)
    {
        _givenUp.Add(_aligning);
        _givenUpThrough = Math.Max(_givenUpThrough, _aligning);
        Release(output);
    }

    /// <summary>Ends the alignment: every held channel is released and its queued elements are offered again, in order.</summary>
    private void Release(List<(TChannel Channel, StreamElement Element)> output)
    {
        _aligning = -1;
        var queues = _held.Where(kv => kv.Value is not null).ToList();
        foreach (var (channel, _) in queues) _held[channel] = null;
        foreach (var (channel, queue) in queues)
        {
            while (queue!.Count > 0)
            {
                Offer(channel, queue.Dequeue(), output);
                if (_held[channel] is not null) // a later barrier blocked this channel again: keep the rest queued behind it
                {
                    while (queue.Count > 0) _held[channel]!.Enqueue(queue.Dequeue());
                }
            }
        }
    }
}
