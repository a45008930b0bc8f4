using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrleansFlow.Jobs;
using OrleansFlow.Savepoints;

namespace OrleansFlow.Client.Api;

/// <summary>
/// Savepoints of a running job, with Flink's routes: <c>POST /jobs/{id}/savepoints</c>
/// (<c>{"targetDirectory","cancelJob"}</c>), <c>POST /jobs/{id}/stop</c> (<c>{"targetDirectory","drain"}</c>) and
/// <c>POST /jobs/{id}/rescaling?parallelism=N</c>, answering 202 <c>{"triggerId"}</c>, and their status routes
/// <c>GET /jobs/{id}/savepoints/{triggerId}</c> and <c>GET /jobs/{id}/rescaling/{triggerId}</c> (with the downtime).
/// </summary>
public static class JobSavepointApiEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    /// <summary>Maps the savepoint trigger and status routes.</summary>
    public static IEndpointRouteBuilder MapJobSavepointApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/jobs/{jobId}/savepoints", TriggerSavepoint);
        app.MapPost("/jobs/{jobId}/stop", StopWithSavepoint);
        app.MapGet("/jobs/{jobId}/savepoints/{triggerId}", GetStatus);
        app.MapPost("/jobs/{jobId}/rescaling", Rescale);
        app.MapGet("/jobs/{jobId}/rescaling/{triggerId}", GetStatus);
        return app;
    }

    private static Task<IResult> Rescale(string jobId, HttpRequest request, IGrainFactory grains)
    {
        var raw = request.Query["parallelism"].ToString();
        if (!int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parallelism) || parallelism < 1)
            return Task.FromResult(ApiProblems.BadRequest($"The query parameter 'parallelism' must be a whole number from 1, got '{raw}'."));
        return TriggerAsync(jobId, new SavepointRequest { Mode = SavepointMode.Rescale, Parallelism = parallelism }, grains);
    }

    private static async Task<IResult> TriggerSavepoint(string jobId, HttpRequest request, IGrainFactory grains)
    {
        var (body, error) = await ReadBodyAsync<SavepointBody>(request);
        if (error is not null) return error;
        var mode = body?.CancelJob == true ? SavepointMode.CancelWithSavepoint : SavepointMode.Savepoint;
        return await TriggerAsync(jobId, new SavepointRequest { TargetDirectory = body?.TargetDirectory, Mode = mode }, grains);
    }

    private static async Task<IResult> StopWithSavepoint(string jobId, HttpRequest request, IGrainFactory grains)
    {
        var (body, error) = await ReadBodyAsync<StopBody>(request);
        if (error is not null) return error;
        return await TriggerAsync(jobId, new SavepointRequest { TargetDirectory = body?.TargetDirectory, Mode = SavepointMode.StopWithSavepoint, Drain = body?.Drain == true }, grains);
    }

    private static async Task<IResult> TriggerAsync(string jobId, SavepointRequest request, IGrainFactory grains)
    {
        if (!JobIds.IsWellFormed(jobId)) return ApiProblems.JobNotFound(jobId);
        var result = await grains.GetGrain<IJobManagerGrain>(jobId).TriggerSavepoint(request);
        return result.Refusal switch
        {
            SavepointRefusal.None => Results.Json(new { triggerId = result.TriggerId }, statusCode: StatusCodes.Status202Accepted),
            SavepointRefusal.UnknownJob => ApiProblems.JobNotFound(jobId),
            SavepointRefusal.NotRunning => Results.Problem(detail: result.Message, statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
            SavepointRefusal.InsufficientSlots => Results.Problem(detail: result.Message, statusCode: StatusCodes.Status409Conflict, title: "Not enough task slots"),
            SavepointRefusal.InsufficientNetworkMemory => Results.Problem(detail: result.Message, statusCode: StatusCodes.Status409Conflict, title: "Not enough network memory"),
            _ => ApiProblems.BadRequest(result.Message ?? "The savepoint request was refused."),
        };
    }

    private static async Task<IResult> GetStatus(string jobId, string triggerId, IGrainFactory grains)
    {
        var manager = grains.GetGrain<IJobManagerGrain>(jobId);
        if (!JobIds.IsWellFormed(jobId) || await manager.GetDetails() is null) return ApiProblems.JobNotFound(jobId);
        var status = await manager.GetSavepoint(triggerId);
        if (status is null)
            return Results.Problem(detail: $"No savepoint operation '{triggerId}' for job {jobId}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        return Results.Json(new
        {
            status = status.Status switch { SavepointStatusKind.InProgress => "IN_PROGRESS", SavepointStatusKind.Completed => "COMPLETED", _ => "FAILED" },
            location = status.Location,
            failureCause = status.FailureCause,
            checkpointId = status.CheckpointId,
            parallelism = status.Parallelism,
            downtimeMs = status.Downtime is { } downtime ? Math.Round(downtime.TotalMilliseconds, 1) : (double?)null,
        });
    }

    /// <summary>The JSON body, or null for an empty one; a 400 for a malformed one or one with unknown properties.</summary>
    private static async Task<(T? Body, IResult? Error)> ReadBodyAsync<T>(HttpRequest request) where T : class
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        if (buffer.Length == 0) return (null, null);
        return JsonRequestBody.TryParse<T>(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), Json, "The request body is not valid", out var body, out var error)
            ? (body, null)
            : (null, ApiProblems.BadRequest(error!));
    }

    private sealed record SavepointBody(string? TargetDirectory, bool? CancelJob);

    private sealed record StopBody(string? TargetDirectory, bool? Drain);
}
