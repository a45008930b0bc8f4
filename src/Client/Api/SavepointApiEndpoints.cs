using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrleansFlow.Savepoints;

namespace OrleansFlow.Client.Api;

/// <summary>
/// Savepoint routes beyond Flink's API: inspect a savepoint, read one key's state out of it, delete it, all without
/// running a job (through <see cref="ISavepointGrain"/>, so the standalone client needs no storage access). Errors are
/// problem+json: an invalid name or key → 400; an unknown savepoint, operator, state, or a key without value → 404; a
/// savepoint that exists but is unusable (missing or corrupt <c>_metadata</c>, a missing file, a file whose size or
/// CRC-64 differs from the metadata, a type this cluster cannot load) → 422, because the request itself is valid and
/// only the stored content cannot be processed.
/// </summary>
public static class SavepointApiEndpoints
{
    /// <summary>
    /// Maps <c>GET /savepoints/{name}</c>, <c>GET /savepoints/{name}/state/{uid}/{stateName}?key=K</c> (keyed state; for
    /// an operator state without <c>key</c>: <c>{"state","mode","value","file"}</c>, a list over all subtasks or the
    /// broadcast map) and <c>DELETE /savepoints/{name}</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapSavepointApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/savepoints/{name}", GetSavepoint);
        app.MapGet("/savepoints/{name}/state/{uid}/{stateName}", GetState);
        app.MapDelete("/savepoints/{name}", DeleteSavepoint);
        return app;
    }

    private static async Task<IResult> GetSavepoint(string name, IGrainFactory grains)
    {
        if (SavepointNames.FindProblem(name) is { } invalid) return ApiProblems.BadRequest(invalid);
        var answer = await Grain(grains).Inspect(name);
        if (answer.Savepoint is not { } s) return Problem(answer.Error, answer.Message);
        return Results.Json(new
        {
            name = s.Name,
            kind = s.Kind,
            jobId = s.JobId,
            jobName = s.JobName,
            checkpointId = s.CheckpointId,
            maxParallelism = s.MaxParallelism,
            formatVersion = s.FormatVersion,
            triggerTime = s.TriggerTime,
            completionTime = s.CompletionTime,
            totalSize = s.TotalSize,
            location = s.Location,
            operators = s.Operators.Select(o => new
            {
                uid = o.Uid,
                parallelism = o.Parallelism,
                stateSize = o.StateSize,
                states = o.States.Select(st => new { name = st.Name, kind = st.Kind, keyType = st.KeyType, valueType = st.ValueType }),
                files = o.Files.Select(f => new
                {
                    path = f.Path,
                    subtask = f.Subtask,
                    keyGroups = new { start = f.KeyGroups.StartKeyGroup, end = f.KeyGroups.EndKeyGroup },
                    size = f.Size,
                    checksum = f.Checksum,
                }),
                keyGroups = o.KeyGroups.Select(k => new { keyGroup = k.KeyGroup, size = k.Size }),
                sourceOffsets = o.SourceOffsets.Select(so => new { split = so.Split, offset = so.Offset }),
                operatorStates = o.OperatorStates.Select(st => new
                {
                    name = st.Name,
                    mode = st.Mode,
                    keyType = st.KeyType,
                    valueType = st.ValueType,
                    count = st.Count,
                    subtasks = st.CountsBySubtask.OrderBy(c => c.Key).Select(c => new { subtask = c.Key, count = c.Value }),
                }),
                operatorStateFiles = o.OperatorStateFiles.Select(f => new { path = f.Path, subtask = f.Subtask, size = f.Size, checksum = f.Checksum }),
            }),
        });
    }

    private static async Task<IResult> GetState(string name, string uid, string stateName, string? key, IGrainFactory grains)
    {
        if (SavepointNames.FindProblem(name) is { } invalid) return ApiProblems.BadRequest(invalid);
        var answer = await Grain(grains).ReadState(name, uid, stateName, key);
        if (answer.Error != SavepointErrorKind.None || answer.ValueJson is null) return Problem(answer.Error, answer.Message);
        if (answer.Mode is { } mode)
        {
            return answer.KeyJson is null
                ? Results.Json(new { state = stateName, mode, value = Parse(answer.ValueJson), file = answer.File })
                : Results.Json(new { state = stateName, mode, key = Parse(answer.KeyJson), value = Parse(answer.ValueJson), file = answer.File });
        }
        if (answer.KeyJson is null) return Problem(SavepointErrorKind.None, "The savepoint answered without a key.");
        return Results.Json(new
        {
            key = Parse(answer.KeyJson),
            keyGroup = answer.KeyGroup,
            value = Parse(answer.ValueJson),
            file = answer.File,
        });
    }

    private static async Task<IResult> DeleteSavepoint(string name, IGrainFactory grains)
    {
        if (SavepointNames.FindProblem(name) is { } invalid) return ApiProblems.BadRequest(invalid);
        var answer = await Grain(grains).Delete(name);
        return answer.Error == SavepointErrorKind.None ? Results.NoContent() : Problem(answer.Error, answer.Message);
    }

    private static ISavepointGrain Grain(IGrainFactory grains) => grains.GetGrain<ISavepointGrain>(0);

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static IResult Problem(SavepointErrorKind kind, string? message)
    {
        var (status, title) = kind switch
        {
            SavepointErrorKind.InvalidRequest => (StatusCodes.Status400BadRequest, "Bad request"),
            SavepointErrorKind.NotFound => (StatusCodes.Status404NotFound, "Not found"),
            SavepointErrorKind.Unprocessable => (StatusCodes.Status422UnprocessableEntity, "Unprocessable savepoint"),
            _ => (StatusCodes.Status500InternalServerError, "Internal error"),
        };
        return Results.Problem(detail: message ?? "The savepoint request failed without a message.", statusCode: status, title: title);
    }
}
