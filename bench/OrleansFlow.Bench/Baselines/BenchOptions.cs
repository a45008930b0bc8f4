namespace OrleansFlow.Bench;

/// <summary>
/// Workload size for one benchmark run. Event i is (key = i % Keys, value = i), both long.
/// </summary>
/// <param name="Events">Number of events for the throughput-oriented systems.</param>
/// <param name="Keys">Number of distinct keys.</param>
/// <param name="GrainEvents">Number of events for the (slow) grain-per-key baseline.</param>
/// <param name="Rounds">Measured rounds per benchmark (the table shows the median and the best).</param>
/// <param name="WatermarkEvery">event-time-direct-*: a watermark after every this many events.</param>
public sealed record BenchOptions(long Events, long Keys, long GrainEvents, int Rounds = 3, long WatermarkEvery = 1024)
{
    public const long DefaultEvents = 20_000_000;
    public const long DefaultKeys = 100_000;
    public const long DefaultGrainEvents = 1_000_000;

    public static BenchOptions Default { get; } = new(DefaultEvents, DefaultKeys, DefaultGrainEvents);

    /// <summary>Small sizes used for the JIT warm-up run of every benchmark.</summary>
    public BenchOptions ForWarmup() => new(
        Events: Math.Min(Events, 2_000_000),
        Keys: Math.Min(Keys, 1_000),
        GrainEvents: Math.Min(GrainEvents, 20_000),
        Rounds: 1);
}
