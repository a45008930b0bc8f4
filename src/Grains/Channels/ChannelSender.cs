using OrleansFlow.Network;
using OrleansFlow.Tasks;

namespace OrleansFlow.Channels;

/// <summary>
/// The sending end of one channel: stamps elements with (attempt, edge, subtask, sequence) and keeps at most a window
/// of deliveries in flight. <see cref="Send"/> never blocks; the task awaits <see cref="WaitForCapacityAsync"/> between
/// input batches, which is how backpressure reaches upstream. A failed delivery surfaces from the next wait.
/// <para>
/// Alignment backpressure: after this channel sent checkpoint barrier n, the receiver may hold what follows while it
/// aligns n. A record batch sent after an unreleased barrier therefore stays in the window (and keeps its network
/// memory) after its delivery completed, until the receiver says it holds nothing of this channel up to barrier n
/// (<see cref="ReleaseHeld"/>). A held receiver thus never holds more than the window of each held channel.
/// </para>
/// All members run on the owning task's turn (deliveries' continuations and <see cref="ReleaseHeld"/> included).
/// </summary>
internal sealed class ChannelSender(ITaskGrain target, TaskId targetId, int attempt, int inputEdge, int sourceSubtask, int window)
{
    private readonly Queue<Task> _inFlight = new();
    private readonly Queue<(long Sequence, long CheckpointId)> _unreleasedBarriers = new();
    private readonly List<(long Sequence, BufferLease Lease)> _held = [];
    private TaskCompletionSource? _released;
    private bool _stopped;
    private long _nextSequence;

    public TaskId Target { get; } = targetId;

    /// <summary>The target's input edge this channel feeds.</summary>
    public int InputEdge => inputEdge;

    public long Sent => _nextSequence;

    /// <summary>Record batches delivered but held by the aligning receiver.</summary>
    public int Held => _held.Count;

    /// <summary>Sends <paramref name="element"/>; <paramref name="lease"/> (a record batch's buffer) is returned once it was delivered and is not held.</summary>
    public void Send(StreamElement element, BufferLease lease = default)
    {
        var batch = new ChannelBatch(attempt, inputEdge, sourceSubtask, _nextSequence++, element);
        if (element is CheckpointBarrier barrier) _unreleasedBarriers.Enqueue((batch.Sequence, barrier.CheckpointId));
        _inFlight.Enqueue(element.RecordCount > 0 ? DeliverRecordsAsync(batch, lease) : target.Deliver(batch));
    }

    private async Task DeliverRecordsAsync(ChannelBatch batch, BufferLease lease)
    {
        try
        {
            await target.Deliver(batch);
        }
        catch
        {
            lease.Return();
            throw;
        }
        if (!_stopped && _unreleasedBarriers.Count > 0 && batch.Sequence > _unreleasedBarriers.Peek().Sequence) _held.Add((batch.Sequence, lease));
        else lease.Return();
    }

    /// <summary>
    /// The receiver holds nothing of this channel up to barrier <paramref name="checkpointId"/>: what was held behind
    /// that barrier and earlier ones counts no more, and its network memory comes back.
    /// </summary>
    public void ReleaseHeld(long checkpointId)
    {
        while (_unreleasedBarriers.Count > 0 && _unreleasedBarriers.Peek().CheckpointId <= checkpointId) _unreleasedBarriers.Dequeue();
        var boundary = _unreleasedBarriers.Count > 0 ? _unreleasedBarriers.Peek().Sequence : long.MaxValue;
        var released = 0;
        for (var i = _held.Count - 1; i >= 0; i--)
        {
            if (_held[i].Sequence >= boundary) continue;
            _held[i].Lease.Return();
            _held.RemoveAt(i);
            released++;
        }
        if (released > 0 && _released is { } waiting)
        {
            _released = null;
            waiting.TrySetResult();
        }
    }

    public bool HasCapacity
    {
        get
        {
            while (_inFlight.Count > 0 && _inFlight.Peek().IsCompletedSuccessfully) _inFlight.Dequeue();
            return _inFlight.Count + _held.Count < window;
        }
    }

    public async ValueTask WaitForCapacityAsync()
    {
        while (!HasCapacity)
        {
            if (_inFlight.Count > 0)
            {
                await _inFlight.Dequeue();
            }
            else
            {
                _released ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                await _released.Task;
            }
        }
    }

    public async Task DrainAsync()
    {
        while (_inFlight.Count > 0) await _inFlight.Dequeue();
    }

    /// <summary>The task stops: held batches give their network memory back, and nothing more is held. Wakes a waiter.</summary>
    public void Stop()
    {
        _stopped = true;
        foreach (var (_, lease) in _held) lease.Return();
        _held.Clear();
        _released?.TrySetResult();
        _released = null;
    }
}
