namespace OrleansFlow.Hosting;

/// <summary>Silo-wide settings of the OrleansFlow runtime (section <c>OrleansFlow</c> of the configuration).</summary>
public sealed class OrleansFlowOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "OrleansFlow";

    /// <summary>Records per channel batch (size bound of output buffers). Default 4096.</summary>
    public int BatchSize { get; set; } = 4096;

    /// <summary>Deliveries in flight per channel before the sender waits (backpressure). Default 4.</summary>
    public int ChannelWindow { get; set; } = 4;

    /// <summary>Flush partly filled output buffers this often (Flink's buffer timeout). Default 100 ms.</summary>
    public TimeSpan BufferTimeout { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How often sources with a watermark strategy emit their periodic watermarks (Flink's <c>autoWatermarkInterval</c>).
    /// Default 200 ms.
    /// </summary>
    public TimeSpan AutoWatermarkInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a source task runs before yielding its turn to other messages. Default 50 ms.</summary>
    public TimeSpan SourceSlice { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// How long the job manager waits for every task of an attempt to report itself deployed (operators opened, state
    /// restored). A deployment is one-way, so a long restore never meets a grain call's response timeout; this is the
    /// safety net for a task that never reports (e.g. its deployment message was lost): the attempt then fails and the
    /// restart strategy decides. Default 10 minutes.
    /// </summary>
    public TimeSpan DeploymentTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The most records a task may hold in memory while it aligns a checkpoint's barriers (records that arrived on inputs
    /// already past the barrier); beyond it the task gives the alignment up and declines that checkpoint, which then fails
    /// without counting against the tolerable failures (Flink 1.x's <c>task.checkpoint.alignment.max-size</c>).
    /// Default 0: no limit.
    /// </summary>
    public long MaxAlignmentBufferedRecords { get; set; }

    /// <summary>
    /// Task slots this silo offers (Flink's <c>taskmanager.numberOfTaskSlots</c>). With slot sharing a slot holds one
    /// subtask of every vertex of a job, so a job needs as many slots as its largest vertex parallelism; a submission,
    /// restore, rescale or restart that needs more than the cluster has free is refused before anything starts. Default 8.
    /// </summary>
    public int TaskSlots { get; set; } = 8;

    /// <summary>
    /// Bytes of network memory on this silo (Flink's network memory): the most that output buffers of this silo's tasks
    /// may hold, from the record that opens a buffer until the receiver has applied its batch. A channel takes a buffer
    /// only when it has records; a task that finds the pool empty sends what it holds and waits (backpressure). Each task
    /// reserves one record's worst case when it is deployed (one buffer per output channel, a buffer being
    /// <see cref="BatchSize"/> records); a job whose reservations do not fit is refused at admission. Default 256 MiB.
    /// </summary>
    public long NetworkMemory { get; set; } = DefaultNetworkMemory;

    /// <summary>The default <see cref="NetworkMemory"/>: 256 MiB.</summary>
    public const long DefaultNetworkMemory = 256L << 20;

    /// <summary>The most network memory one silo may be given (1 TiB).</summary>
    public const long MaxNetworkMemory = 1L << 40;

    /// <summary>The most task slots one silo may offer (a bound on what a configuration can ask of a silo).</summary>
    public const int MaxTaskSlots = 4096;

    /// <summary>Where local data lives (checkpoints, job files, and relative file sink outputs under <c>output/</c>). Default <c>./data</c>.</summary>
    public string DataDirectory { get; set; } = "data";
}
