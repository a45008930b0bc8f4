using OrleansFlow.Api;
using OrleansFlow.Api.Windowing;

namespace OrleansFlow.BuiltIn;

/// <summary>Turns a fired window's count and sum into a <see cref="WindowSumResult"/> with the window's bounds.</summary>
internal sealed class WindowSumOutput : ProcessWindowFunction<(long Count, long Sum), WindowSumResult, long, TimeWindow>
{
    public override void Process(long key, WindowContext<TimeWindow> context, IReadOnlyList<(long Count, long Sum)> elements, ICollector<WindowSumResult> output)
    {
        var (count, sum) = elements[0];
        output.Collect(new WindowSumResult(key, context.Window.Start, context.Window.End, count, sum));
    }
}
