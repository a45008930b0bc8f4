namespace OrleansFlow.Api;

/// <summary>Where a sink writer runs.</summary>
/// <param name="JobId">The job's id.</param>
/// <param name="OperatorUid">The sink operator's uid.</param>
/// <param name="SubtaskIndex">The subtask's index, from 0.</param>
/// <param name="Parallelism">The sink's parallelism.</param>
/// <param name="Attempt">The job's deployment attempt.</param>
public sealed record SinkWriterContext(string JobId, string OperatorUid, int SubtaskIndex, int Parallelism, int Attempt);
