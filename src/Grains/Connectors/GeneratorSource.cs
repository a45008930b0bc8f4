using OrleansFlow.Api;

namespace OrleansFlow.Connectors;

/// <summary>
/// A deterministic source of <paramref name="count"/> events (0 = unbounded): event i is <c>generator(i)</c>.
/// Split over the source's subtasks by stride: subtask s of S emits i = s, s+S, s+2S, …; its offset is how many it
/// emitted, so a reader can seek to any offset. <paramref name="eventsPerSecond"/> (0 = as fast as possible) limits
/// the rate over all subtasks together.
/// </summary>
public sealed class GeneratorSource<T>(long count, Func<long, T> generator, double eventsPerSecond = 0) : ISource<T>
{
    /// <inheritdoc />
    public bool IsBounded => count > 0;

    /// <inheritdoc />
    public ISourceReader<T> CreateReader(int subtaskIndex, int parallelism, TimeProvider timeProvider) =>
        new GeneratorSourceReader<T>(count, generator, subtaskIndex, parallelism, eventsPerSecond / parallelism, timeProvider);
}
