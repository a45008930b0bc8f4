using OrleansFlow.Channels;
using OrleansFlow.Checkpointing;

namespace OrleansFlow.Tasks.Input;

/// <summary>
/// The input side of one task (pure; no I/O; one caller at a time): a delivered batch goes through its channel's
/// reorder buffer (order by sequence, duplicates dropped), then barrier alignment over every channel, then the
/// watermark valve (<see cref="StatusWatermarkValve"/>: the minimum over active channels). What comes out, in order, is
/// what the task processes: record batches, aligned barriers, the task's input watermark when it advances and its
/// idleness when it changes, and one end of input once every channel ended (after <see cref="Watermark.Max"/>). It also tells which channels' senders to release (<see cref="TakeReleases"/>) and which alignments were given
/// up (<see cref="TakeGivenUp"/>).
/// </summary>
internal sealed class TaskInputProcessor
{
    private readonly Dictionary<(int Edge, int Subtask), (InputChannel Channel, ChannelReorderBuffer<StreamElement> Buffer, int Index)> _channels = [];
    private readonly StatusWatermarkValve _valve;
    private readonly BarrierAligner<(int Edge, int Subtask)> _aligner;
    private readonly Dictionary<(int Edge, int Subtask), long> _toRelease = []; // channel → newest barrier it delivered
    private readonly List<StreamElement> _released = [];
    private readonly List<((int Edge, int Subtask) Channel, StreamElement Element)> _aligned = [];
    private int _ended;

    /// <summary>Processes <paramref name="channels"/>; <paramref name="maxAlignmentBufferedRecords"/> &gt; 0 gives an alignment up beyond it.</summary>
    public TaskInputProcessor(IEnumerable<InputChannel> channels, TimeProvider time, long maxAlignmentBufferedRecords)
    {
        foreach (var channel in channels) _channels.Add((channel.Edge, channel.UpstreamSubtask), (channel, new ChannelReorderBuffer<StreamElement>(), _channels.Count));
        _aligner = new BarrierAligner<(int Edge, int Subtask)>(_channels.Keys, time, maxAlignmentBufferedRecords);
        _valve = new StatusWatermarkValve(_channels.Count);
    }

    public int ChannelCount => _channels.Count;

    /// <summary>The task's input watermark: the last the valve emitted (<see cref="long.MinValue"/> before the first).</summary>
    public long CurrentWatermark => _valve.CurrentWatermark;

    /// <summary>How long the last completed alignment took and how many records it held.</summary>
    public AlignmentStats LastAlignment => new(_aligner.LastAlignmentDuration, _aligner.LastAlignmentBufferedRecords);

    /// <summary>
    /// Offers the batch that channel (<paramref name="edge"/>, <paramref name="subtask"/>) delivered with
    /// <paramref name="sequence"/>; appends what the task must process now to <paramref name="output"/>, in order (nothing
    /// while the batch waits for a gap to fill or was a duplicate). <paramref name="edges"/>, when given, gets for each
    /// element appended the input edge it came over (−1 for what the task derived: watermarks, idleness, end of input).
    /// Throws for a channel this task does not have.
    /// </summary>
    public void Offer(int edge, int subtask, long sequence, StreamElement payload, List<StreamElement> output, List<int>? edges = null)
    {
        var key = (edge, subtask);
        if (!_channels.TryGetValue(key, out var channel))
            throw new InvalidOperationException($"No input channel (edge {edge}, subtask {subtask}).");
        _released.Clear();
        if (channel.Buffer.Offer(sequence, payload, _released) != ReorderOutcome.Released) return;
        _aligned.Clear();
        foreach (var element in _released)
        {
            if (element is CheckpointBarrier arrived) _toRelease[key] = Math.Max(arrived.CheckpointId, _toRelease.GetValueOrDefault(key, -1));
            _aligner.Offer(key, element, _aligned);
        }
        foreach (var (from, element) in _aligned)
        {
            switch (element)
            {
                case Watermark watermark:
                    _valve.InputWatermark(_channels[from].Index, watermark.Timestamp, output);
                    break;
                case WatermarkStatus status:
                    _valve.InputStatus(_channels[from].Index, status.IsIdle, output);
                    break;
                case EndOfInput:
                    _valve.InputEnded(_channels[from].Index, output);
                    if (++_ended == _channels.Count) output.Add(element); // the task's input ends when every channel's has
                    break;
                default:
                    output.Add(element);
                    edges?.Add(from.Edge);
                    break;
            }
            while (edges is not null && edges.Count < output.Count) edges.Add(-1);
        }
    }

    /// <summary>The checkpoints whose alignment was given up since the last call (the task declines them).</summary>
    public IReadOnlyList<long> TakeGivenUp() => _aligner.TakeGivenUp();

    /// <summary>
    /// Appends, once each, the channels that delivered a barrier and are held no more (the alignment completed, was given
    /// up or abandoned). A channel that ended is dropped unreported: its sender has finished.
    /// </summary>
    public void TakeReleases(List<ChannelRelease> releases)
    {
        if (_toRelease.Count == 0) return;
        List<(int Edge, int Subtask)>? done = null;
        foreach (var (key, checkpointId) in _toRelease)
        {
            if (_aligner.IsHeld(key)) continue;
            (done ??= []).Add(key);
            if (!_aligner.IsEnded(key)) releases.Add(new ChannelRelease(_channels[key].Channel, checkpointId));
        }
        if (done is null) return;
        foreach (var key in done) _toRelease.Remove(key);
    }
}
