using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrleansFlow.Jobs;

namespace OrleansFlow.Client.Api;

/// <summary>
/// The REST API, with Flink's route names. One copy, mapped by the standalone client and by the silo's co-hosted API.
/// Needs an <see cref="IGrainFactory"/> (cluster client or silo) in the services.
/// </summary>
public static class JobApiEndpoints
{
    /// <summary>Maps every route.</summary>
    public static IEndpointRouteBuilder MapOrleansFlowApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/overview", Overview);
        app.MapGet("/jobs", ListJobs);
        app.MapPost("/jobs", SubmitJob);
        app.MapGet("/jobs/{jobId}", GetJob);
        app.MapMethods("/jobs/{jobId}", ["PATCH"], PatchJob);
        app.MapCheckpointApi();
        app.MapJobSavepointApi();
        app.MapSavepointApi();
        return app;
    }

    private static async Task<IResult> Overview(IGrainFactory grains)
    {
        var silos = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        var slots = await grains.GetGrain<Resources.ISlotManagerGrain>(0).GetOverview();
        var jobs = await AllJobs(grains);
        int Count(JobStatus s) => jobs.Count(j => j.Status == s);
        return Results.Json(new Dictionary<string, object>
        {
            ["silos"] = silos.Count,
            ["taskmanagers"] = slots.TaskManagers,
            ["slots-total"] = slots.Total,
            ["slots-available"] = slots.Available,
            ["jobs-running"] = jobs.Count(j => !j.Status.IsTerminal()),
            ["jobs-finished"] = Count(JobStatus.Finished),
            ["jobs-cancelled"] = Count(JobStatus.Canceled),
            ["jobs-failed"] = Count(JobStatus.Failed),
            ["version"] = typeof(JobApiEndpoints).Assembly.GetName().Version?.ToString() ?? "0",
        });
    }

    private static async Task<IResult> ListJobs(IGrainFactory grains)
    {
        var jobs = await AllJobs(grains);
        return Results.Json(new { jobs = jobs.Select(j => new { id = j.JobId, name = j.Name, status = j.Status.ToFlinkName() }) });
    }

    private static async Task<IResult> SubmitJob(HttpRequest request, IGrainFactory grains)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        if (!SubmitJobRequestParser.TryParse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), out var spec, out var error))
            return ApiProblems.BadRequest(error!);
        var jobId = JobIds.New();
        var result = await grains.GetGrain<IJobManagerGrain>(jobId).Submit(spec!);
        return result.Error switch
        {
            SubmitErrorKind.None => Results.Json(new { jobId }, statusCode: StatusCodes.Status202Accepted),
            SubmitErrorKind.InsufficientSlots => Results.Problem(detail: result.Message, statusCode: StatusCodes.Status409Conflict, title: "Not enough task slots"),
            SubmitErrorKind.InsufficientNetworkMemory => Results.Problem(detail: result.Message, statusCode: StatusCodes.Status409Conflict, title: "Not enough network memory"),
            _ => ApiProblems.BadRequest(result.Message ?? "The job was refused."),
        };
    }

    private static async Task<IResult> GetJob(string jobId, IGrainFactory grains)
    {
        var details = JobIds.IsWellFormed(jobId) ? await grains.GetGrain<IJobManagerGrain>(jobId).GetDetails() : null;
        if (details is null) return ApiProblems.JobNotFound(jobId);
        return Results.Json(new
        {
            jobId = details.JobId,
            name = details.Name,
            status = details.Status.ToFlinkName(),
            attempt = details.Attempt,
            failureCause = details.FailureCause,
            parallelism = details.Spec?.Parallelism,
            maxParallelism = details.Spec?.MaxParallelism,
            checkpointing = details.Spec?.Checkpointing,
            restartStrategy = details.Spec?.RestartStrategy is { } restart
                ? new { kind = restart.Kind.ToString(), restart.DelayMs, restart.MaxAttempts, restart.BackoffMultiplier, restart.MaxDelayMs }
                : null,
            jobManagerHost = details.ManagerHost,
            startTime = details.StartTime,
            endTime = details.EndTime,
            vertices = details.Vertices.Select(v => new
            {
                uid = v.Uid,
                operators = v.Operators,
                parallelism = v.Parallelism,
                recordsIn = v.RecordsIn,
                recordsOut = v.RecordsOut,
                currentInputWatermark = WatermarkOrNull(v.InputWatermark),
                numLateRecordsDropped = v.LateRecordsDropped,
                subtasks = v.Subtasks.Select(s => new
                {
                    subtask = s.Subtask, host = s.Host, recordsIn = s.RecordsIn, recordsOut = s.RecordsOut,
                    currentInputWatermark = WatermarkOrNull(s.InputWatermark), numLateRecordsDropped = s.LateRecordsDropped,
                }),
            }),
        });
    }

    /// <summary>A watermark for JSON: null before the first (Flink shows "No Watermark"), else epoch milliseconds.</summary>
    private static long? WatermarkOrNull(long watermark) => watermark == long.MinValue ? null : watermark;

    private static async Task<IResult> PatchJob(string jobId, string? mode, IGrainFactory grains)
    {
        if (!string.Equals(mode, "cancel", StringComparison.OrdinalIgnoreCase))
            return ApiProblems.BadRequest($"Unsupported mode '{mode}'; use PATCH /jobs/{{id}}?mode=cancel.");
        var status = JobIds.IsWellFormed(jobId) ? await grains.GetGrain<IJobManagerGrain>(jobId).Cancel() : null;
        return status is null ? ApiProblems.JobNotFound(jobId) : Results.Accepted();
    }

    private static async Task<JobDetails[]> AllJobs(IGrainFactory grains)
    {
        var ids = await grains.GetGrain<IJobDirectoryGrain>(0).List();
        var details = await Task.WhenAll(ids.Select(id => grains.GetGrain<IJobManagerGrain>(id).GetDetails()));
        return details.OfType<JobDetails>().ToArray();
    }
}
