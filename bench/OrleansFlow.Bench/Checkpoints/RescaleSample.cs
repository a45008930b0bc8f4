namespace OrleansFlow.Bench.Checkpoints;

/// <summary>
/// One completed rescale of the rescale-downtime benchmark.
/// </summary>
/// <param name="From">The parallelism before.</param>
/// <param name="To">The parallelism after.</param>
/// <param name="Downtime">What the job manager reports (<c>SavepointStatus.Downtime</c>): from the stop barrier until the sources of the job at the new parallelism started reading.</param>
/// <param name="Wall">Measured by the bench: from the trigger call until a poll (every 10 ms) saw the rescale COMPLETED.</param>
/// <param name="StateBytes">Bytes of the savepoint's state files (its folder without <c>_metadata</c>).</param>
/// <param name="Files">The number of state files.</param>
/// <param name="Location">The savepoint's folder.</param>
public sealed record RescaleSample(int From, int To, TimeSpan Downtime, TimeSpan Wall, long StateBytes, int Files, string Location);
