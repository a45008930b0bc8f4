using OrleansFlow.Api.EventTime;
using OrleansFlow.Tasks;

namespace OrleansFlow.Operators.EventTime;

/// <summary>
/// Combines the watermarks of a source subtask's splits into the subtask's (Flink's <c>WatermarkOutputMultiplexer</c>;
/// pure, on the task's turn): each split's generator emits into its own <see cref="IWatermarkOutput"/>; the subtask's
/// watermark is the minimum over the splits that are not idle, and only advances; the subtask is idle when every split
/// is (or it has none). So a result does not depend on which subtask reads which split, nor on the parallelism.
/// Changes go to <paramref name="output"/> as they happen.
/// </summary>
internal sealed class SplitWatermarkMultiplexer(Action<StreamElement> output)
{
    private readonly Dictionary<int, SplitOutput> _splits = [];
    private long _combined = long.MinValue;
    private bool _idle;

    /// <summary>The subtask's watermark so far.</summary>
    public long CurrentWatermark => _combined;

    /// <summary>Whether the subtask is idle.</summary>
    public bool IsIdle => _idle;

    /// <summary>The output of split <paramref name="split"/>'s generator (created on first use).</summary>
    public IWatermarkOutput Of(int split)
    {
        if (!_splits.TryGetValue(split, out var splitOutput)) _splits[split] = splitOutput = new SplitOutput(this);
        return splitOutput;
    }

    /// <summary>Split <paramref name="split"/> ended: it holds event time back no more.</summary>
    public void SplitEnded(int split)
    {
        var splitOutput = (SplitOutput)Of(split);
        splitOutput.Idle = false;
        splitOutput.Watermark = long.MaxValue;
        Update();
    }

    private void Update()
    {
        var minimum = long.MaxValue;
        var active = false;
        foreach (var split in _splits.Values)
        {
            if (split.Idle) continue;
            active = true;
            minimum = Math.Min(minimum, split.Watermark);
        }
        if (!active)
        {
            if (_splits.Count == 0 || _idle) return;
            _idle = true;
            output(WatermarkStatus.Idle);
            return;
        }
        if (_idle)
        {
            _idle = false;
            output(WatermarkStatus.Active);
        }
        if (minimum <= _combined) return;
        _combined = minimum;
        output(minimum == long.MaxValue ? Watermark.Max : new Watermark(minimum));
    }

    private sealed class SplitOutput(SplitWatermarkMultiplexer owner) : IWatermarkOutput
    {
        public long Watermark { get; set; } = long.MinValue;

        public bool Idle { get; set; }

        public void EmitWatermark(long timestamp)
        {
            var changed = Idle || timestamp > Watermark;
            Idle = false;
            if (timestamp > Watermark) Watermark = timestamp;
            if (changed) owner.Update();
        }

        public void MarkIdle()
        {
            if (Idle) return;
            Idle = true;
            owner.Update();
        }

        public void MarkActive()
        {
            if (!Idle) return;
            Idle = false;
            owner.Update();
        }
    }
}
