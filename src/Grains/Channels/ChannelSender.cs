using OrleansFlow.Network;
using OrleansFlow.Tasks;

namespace OrleansFlow.Channels;

/// <summary>
/// The sending end of one channel: stamps elements with (attempt, edge, subtask, sequence) and keeps at most a window
/// of deliveries in flight. <see cref="Send"/> never blocks; the task awaits <see cref="WaitForCapacityAsync"/> between
/// input batches, which is how backpressure reaches upstream. A failed delivery surfaces from the next wait. A batch's
/// network-memory lease comes back when its delivery completes, whatever the outcome.
/// </summary>
internal sealed class ChannelSender(ITaskGrain target, TaskId targetId, int attempt, int inputEdge, int sourceSubtask, int window)
{
    private readonly Queue<Task> _inFlight = new();
    private long _nextSequence;

    public TaskId Target { get; } = targetId;

    public long Sent => _nextSequence;

    /// <summary>Sends <paramref name="element"/>; <paramref name="lease"/> (a record batch's buffer) is returned once it was delivered.</summary>
    public void Send(StreamElement element, BufferLease lease = default)
    {
        var batch = new ChannelBatch(attempt, inputEdge, sourceSubtask, _nextSequence++, element);
        _inFlight.Enqueue(lease.IsEmpty ? target.Deliver(batch) : DeliverAndReturnAsync(batch, lease));
    }

    private async Task DeliverAndReturnAsync(ChannelBatch batch, BufferLease lease)
    {
        try
        {
            await target.Deliver(batch);
        }
        finally
        {
            lease.Return();
        }
    }

    public bool HasCapacity
    {
        get
        {
            while (_inFlight.Count > 0 && _inFlight.Peek().IsCompletedSuccessfully) _inFlight.Dequeue();
            return _inFlight.Count < window;
        }
    }

    public async ValueTask WaitForCapacityAsync()
    {
        while (!HasCapacity) await _inFlight.Dequeue();
    }

    public async Task DrainAsync()
    {
        while (_inFlight.Count > 0) await _inFlight.Dequeue();
    }
}
