using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrleansFlow.Checkpointing;
using OrleansFlow.Jobs;

namespace OrleansFlow.Client.Api;

/// <summary>The checkpoint routes, in the shape of Flink's REST API.</summary>
public static class CheckpointApiEndpoints
{
    /// <summary>Maps <c>GET /jobs/{id}/checkpoints</c>, <c>GET /jobs/{id}/checkpoints/config</c> and <c>POST /jobs/{id}/checkpoints</c>.</summary>
    public static IEndpointRouteBuilder MapCheckpointApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/jobs/{jobId}/checkpoints", GetCheckpoints);
        app.MapGet("/jobs/{jobId}/checkpoints/config", GetConfig);
        app.MapGet("/jobs/{jobId}/checkpoints/details/{checkpointId}", GetDetails);
        app.MapPost("/jobs/{jobId}/checkpoints", TriggerCheckpoint);
        return app;
    }

    private static async Task<IResult> GetCheckpoints(string jobId, IGrainFactory grains)
    {
        if (await FindJob(jobId, grains) is null) return ApiProblems.JobNotFound(jobId);
        var stats = await grains.GetGrain<ICheckpointCoordinatorGrain>(jobId).GetStats();
        object? Entry(CheckpointSummary? c) => c is null ? null : new
        {
            id = c.Id,
            status = c.Status,
            trigger_timestamp = c.TriggerTime.ToUnixTimeMilliseconds(),
            latest_ack_timestamp = c.EndTime?.ToUnixTimeMilliseconds(),
            end_to_end_duration = c.EndTime is { } end ? (long)(end - c.TriggerTime).TotalMilliseconds : (long?)null,
            state_size = c.StateSize,
            num_subtasks = c.TotalTasks,
            num_acknowledged_subtasks = c.AcknowledgedTasks,
            external_path = c.Path,
            failure_message = c.FailureMessage,
            is_savepoint = c.IsSavepoint,
            alignment_duration_max = c.Tasks.Count == 0 ? (long?)null : (long)c.Tasks.Max(t => t.Alignment.TotalMilliseconds),
            alignment_buffered_records_max = c.Tasks.Count == 0 ? (long?)null : c.Tasks.Max(t => t.AlignmentBufferedRecords),
            sync_duration_max = c.Tasks.Count == 0 ? (long?)null : (long)c.Tasks.Max(t => t.Sync.TotalMilliseconds),
            async_duration_max = c.Tasks.Count == 0 ? (long?)null : (long)c.Tasks.Max(t => t.Async.TotalMilliseconds),
            tasks = c.Tasks.Select(t => new
            {
                vertex = t.Task.Vertex,
                subtask = t.Task.Subtask,
                state_size = t.StateSize,
                alignment_duration = (long)t.Alignment.TotalMilliseconds,
                alignment_buffered_records = t.AlignmentBufferedRecords,
                sync_duration = (long)t.Sync.TotalMilliseconds,
                async_duration = (long)t.Async.TotalMilliseconds,
            }),
        };
        return Results.Json(new
        {
            counts = new { total = stats.Total, in_progress = stats.InProgress, completed = stats.Completed, failed = stats.Failed, restored = stats.Restored },
            latest = new
            {
                completed = Entry(stats.History.FirstOrDefault(h => h.Status == "COMPLETED")),
                failed = Entry(stats.History.FirstOrDefault(h => h.Status == "FAILED")),
                restored = stats.LatestRestore is { } r
                    ? new { id = r.CheckpointId, restore_timestamp = r.RestoreTime.ToUnixTimeMilliseconds(), is_savepoint = false, external_path = r.Path, skipped = r.Skipped }
                    : null,
            },
            history = stats.History.Select(Entry),
        });
    }

    private static async Task<IResult> GetDetails(string jobId, string checkpointId, IGrainFactory grains)
    {
        if (await FindJob(jobId, grains) is null) return ApiProblems.JobNotFound(jobId);
        if (!long.TryParse(checkpointId, out var id) || id < 1)
            return ApiProblems.BadRequest($"'{checkpointId}' is not a checkpoint id (a whole number from 1).");
        var details = await grains.GetGrain<ICheckpointCoordinatorGrain>(jobId).GetDetails(id);
        if (details is null)
            return Results.Problem(detail: $"Checkpoint {id} of job {jobId} is not in the checkpoint history.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        var c = details.Summary;
        return Results.Json(new
        {
            id = c.Id,
            status = c.Status,
            trigger_timestamp = c.TriggerTime.ToUnixTimeMilliseconds(),
            end_to_end_duration = c.EndTime is { } end ? (long)(end - c.TriggerTime).TotalMilliseconds : (long?)null,
            state_size = c.StateSize,
            external_path = c.Path,
            failure_message = c.FailureMessage,
            tasks = details.Acks.Select(a => new
            {
                vertex = a.Task.Vertex,
                subtask = a.Task.Subtask,
                state_size = a.StateSize,
                alignment_duration = (long)a.AlignmentDuration.TotalMilliseconds,
                alignment_buffered_records = a.AlignmentBufferedRecords,
                sync_duration = (long)a.SyncDuration.TotalMilliseconds,
                async_duration = (long)a.AsyncDuration.TotalMilliseconds,
                source_offsets = a.SourceOffsets,
                state = a.State.Select(s => new
                {
                    @operator = s.OperatorUid,
                    path = s.Path,
                    checksum = s.Checksum,
                    key_groups = s.KeyGroupLengths.Select((length, i) => new { key_group = s.KeyGroups.StartKeyGroup + i, size = length }),
                }),
            }),
        });
    }

    private static async Task<IResult> GetConfig(string jobId, IGrainFactory grains)
    {
        var job = await FindJob(jobId, grains);
        if (job is null) return ApiProblems.JobNotFound(jobId);
        var s = job.Spec?.Checkpointing ?? CheckpointingSettings.Default;
        return Results.Json(new
        {
            mode = "exactly_once",
            interval = s.IntervalMs,
            timeout = s.TimeoutMs,
            min_pause = s.MinPauseMs,
            max_concurrent = s.MaxConcurrent,
            tolerable_failed_checkpoints = s.TolerableFailures,
            retained = s.Retained,
        });
    }

    private static async Task<IResult> TriggerCheckpoint(string jobId, IGrainFactory grains)
    {
        var job = await FindJob(jobId, grains);
        if (job is null) return ApiProblems.JobNotFound(jobId);
        if (job.Status != JobStatus.Running)
            return Results.Problem(detail: $"Job {jobId} is {job.Status.ToFlinkName()}; checkpoints are taken of running jobs only.", statusCode: StatusCodes.Status409Conflict, title: "Conflict");
        var id = await grains.GetGrain<ICheckpointCoordinatorGrain>(jobId).Trigger();
        return id is { } checkpointId
            ? Results.Json(new { checkpointId }, statusCode: StatusCodes.Status202Accepted)
            : Results.Problem(detail: $"Job {jobId} has as many checkpoints in progress as allowed (checkpointing.maxConcurrent); try again when one ends.", statusCode: StatusCodes.Status409Conflict, title: "Conflict");
    }

    private static async Task<JobDetails?> FindJob(string jobId, IGrainFactory grains) =>
        JobIds.IsWellFormed(jobId) ? await grains.GetGrain<IJobManagerGrain>(jobId).GetDetails() : null;
}
