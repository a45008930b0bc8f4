namespace OrleansFlow.Tasks.Input;

/// <summary>
/// Combines the watermarks and idleness of a task's input channels into the task's input watermark (Flink's
/// <c>StatusWatermarkValve</c>; pure, one caller at a time):
/// <list type="bullet">
/// <item>the output watermark is the minimum over the active channels that are aligned (whose watermark has caught up
/// with the output), and only ever advances;</item>
/// <item>an idle channel does not hold event time back; when it becomes active again it counts once its watermark has
/// caught up, so the output never goes back;</item>
/// <item>when every channel is idle the valve is idle (it emits <see cref="WatermarkStatus.Idle"/>), after advancing to
/// the largest channel watermark when the channel that went idle was the one holding it; the first channel to become
/// active makes it active again;</item>
/// <item>a channel that ended counts as at <see cref="long.MaxValue"/>.</item>
/// </list>
/// What the task must forward (a new watermark, a status change) is appended to the output list.
/// </summary>
internal sealed class StatusWatermarkValve
{
    private readonly long[] _watermarks;
    private readonly bool[] _idle;
    private readonly bool[] _aligned;

    public StatusWatermarkValve(int channels)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(channels);
        _watermarks = new long[channels];
        Array.Fill(_watermarks, long.MinValue);
        _idle = new bool[channels];
        _aligned = new bool[channels];
        Array.Fill(_aligned, true);
    }

    /// <summary>The last watermark the valve emitted (<see cref="long.MinValue"/> before the first).</summary>
    public long CurrentWatermark { get; private set; } = long.MinValue;

    /// <summary>Whether the valve is idle (every channel is).</summary>
    public bool IsIdle { get; private set; }

    /// <summary>Channel <paramref name="channel"/> delivered a watermark of <paramref name="timestamp"/>.</summary>
    public void InputWatermark(int channel, long timestamp, List<StreamElement> output)
    {
        if (IsIdle || _idle[channel] || timestamp <= _watermarks[channel]) return; // an idle channel's watermark waits for it to become active
        _watermarks[channel] = timestamp;
        if (!_aligned[channel] && timestamp >= CurrentWatermark) _aligned[channel] = true;
        EmitMinimumOfAligned(output);
    }

    /// <summary>Channel <paramref name="channel"/> became idle (<paramref name="idle"/>) or active again.</summary>
    public void InputStatus(int channel, bool idle, List<StreamElement> output)
    {
        if (idle && !_idle[channel])
        {
            _idle[channel] = true;
            _aligned[channel] = false;
            if (Array.TrueForAll(_idle, i => i))
            {
                if (_watermarks[channel] == CurrentWatermark) EmitMaximum(output);
                IsIdle = true;
                output.Add(WatermarkStatus.Idle);
            }
            else if (_watermarks[channel] == CurrentWatermark)
            {
                EmitMinimumOfAligned(output);
            }
        }
        else if (!idle && _idle[channel])
        {
            _idle[channel] = false;
            if (_watermarks[channel] >= CurrentWatermark) _aligned[channel] = true;
            if (IsIdle)
            {
                IsIdle = false;
                output.Add(WatermarkStatus.Active);
            }
        }
    }

    /// <summary>Channel <paramref name="channel"/> ended: it holds event time back no more.</summary>
    public void InputEnded(int channel, List<StreamElement> output)
    {
        if (_idle[channel])
        {
            _watermarks[channel] = long.MaxValue; // excluded while idle; never active again
            return;
        }
        InputWatermark(channel, long.MaxValue, output);
    }

    private void EmitMinimumOfAligned(List<StreamElement> output)
    {
        var minimum = long.MaxValue;
        var any = false;
        for (var c = 0; c < _watermarks.Length; c++)
        {
            if (!_aligned[c] || _idle[c]) continue;
            any = true;
            minimum = Math.Min(minimum, _watermarks[c]);
        }
        if (any && minimum > CurrentWatermark) Emit(minimum, output);
    }

    private void EmitMaximum(List<StreamElement> output)
    {
        var maximum = long.MinValue;
        foreach (var w in _watermarks) maximum = Math.Max(maximum, w);
        if (maximum > CurrentWatermark) Emit(maximum, output);
    }

    private void Emit(long watermark, List<StreamElement> output)
    {
        CurrentWatermark = watermark;
        output.Add(watermark == long.MaxValue ? Watermark.Max : new Watermark(watermark));
    }
}
