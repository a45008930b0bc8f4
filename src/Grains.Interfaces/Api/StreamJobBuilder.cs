using OrleansFlow.Api.Graph;

namespace OrleansFlow.Api;

/// <summary>
/// Describes a job's dataflow: sources, transformations and sinks (Flink's <c>StreamExecutionEnvironment</c>).
/// Operators are numbered in creation order; see <see cref="DataStream{T}.Uid"/> for how uids are derived.
/// </summary>
public sealed class StreamJobBuilder
{
    private readonly List<Transformation> _transformations = [];

    /// <summary>Creates a builder for a job with the given default parallelism and max parallelism.</summary>
    public StreamJobBuilder(int parallelism, int maxParallelism)
    {
        Parallelism = parallelism;
        MaxParallelism = maxParallelism;
    }

    /// <summary>The job's default parallelism, used by operators that set none.</summary>
    public int Parallelism { get; }

    /// <summary>The job's max parallelism: the number of key groups.</summary>
    public int MaxParallelism { get; }

    internal IReadOnlyList<Transformation> Transformations => _transformations;

    /// <summary>Adds a source.</summary>
    public DataStream<T> AddSource<T>(ISource<T> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new DataStream<T>(this, Add(new SourceTransformation<T>(NextId, source)));
    }

    /// <summary>
    /// Adds a source whose events carry event time: <paramref name="watermarks"/> assigns each event's timestamp and
    /// generates watermarks per split (Flink's <c>fromSource(source, watermarkStrategy, …)</c>), emitted every
    /// <c>OrleansFlow:AutoWatermarkInterval</c>; a bounded source ends with <see cref="long.MaxValue"/>.
    /// </summary>
    public DataStream<T> AddSource<T>(ISource<T> source, EventTime.WatermarkStrategy<T> watermarks)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(watermarks);
        return new DataStream<T>(this, Add(new SourceTransformation<T>(NextId, source, watermarks)));
    }

    internal int NextId => _transformations.Count;

    internal TTransformation Add<TTransformation>(TTransformation transformation) where TTransformation : Transformation
    {
        _transformations.Add(transformation);
        return transformation;
    }
}
