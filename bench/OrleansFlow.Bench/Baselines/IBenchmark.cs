namespace OrleansFlow.Bench;

/// <summary>
/// A named, self-verifying benchmark of the keyed-sum workload (see <see cref="BenchOptions"/>).
/// Implementations must verify their result (and throw on a wrong result) before returning.
/// Implementations that hold resources across runs (e.g. a silo) may implement <see cref="IAsyncDisposable"/>;
/// <see cref="BaselineRunner"/> disposes them after their measured run.
/// </summary>
public interface IBenchmark
{
    /// <summary>Short name, used in the result table and by <c>--only</c>.</summary>
    string Name { get; }

    Task<BenchmarkResult> RunAsync(BenchOptions options);
}
