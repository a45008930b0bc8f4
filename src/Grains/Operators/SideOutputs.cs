using OrleansFlow.Api;
using OrleansFlow.Tasks;

namespace OrleansFlow.Operators;

/// <summary>
/// The side outputs of one operator in a task: per tag id, the output writing the edges that read it. Emitting into a
/// tag nobody reads drops the record (as Flink does). Watermarks and idleness go to every side output, so a vertex that
/// reads one keeps its event time. On the task's turn.
/// </summary>
internal sealed class SideOutputs(IReadOnlyDictionary<string, object> outputs, IReadOnlyList<IEventTimeOutput> all)
{
    /// <summary>An operator without side outputs.</summary>
    public static readonly SideOutputs None = new(new Dictionary<string, object>(), []);

    public void Emit<T>(OutputTag<T> tag, T value)
    {
        if (outputs.TryGetValue(tag.Id, out var output)) ((IOutput<T>)output).Collect(value);
    }

    public void EmitWatermark(Watermark watermark)
    {
        foreach (var output in all) output.EmitWatermark(watermark);
    }

    public void EmitWatermarkStatus(WatermarkStatus status)
    {
        foreach (var output in all) output.EmitWatermarkStatus(status);
    }
}
