namespace OrleansFlow.Bench;

/// <summary>One measured run: <paramref name="Events"/> events processed in <paramref name="Seconds"/> wall-clock seconds.</summary>
public sealed record BenchmarkResult(string Name, long Events, double Seconds)
{
    public double EventsPerSecond => Seconds > 0 ? Events / Seconds : double.PositiveInfinity;
}
