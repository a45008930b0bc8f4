using System.Globalization;
using System.Text.Json;
using OrleansFlow.Jobs;
using OrleansFlow.KeyGroups;

namespace OrleansFlow.Client.Api;

/// <summary>
/// Turns a <c>POST /jobs</c> body into a <see cref="JobSpec"/>, or says what is wrong with it (pure): malformed JSON,
/// unknown properties (every one named, nested ones too, with a suggestion where a known name is close), missing or
/// invalid fields. Job arguments are checked against the job's declarations where the graph is built.
/// </summary>
public static class SubmitJobRequestParser
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter<RestartStrategyKind>(allowIntegerValues: false) },
    };

    /// <summary>Parses and validates <paramref name="body"/>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> body, out JobSpec? spec, out string? error)
    {
        spec = null;
        if (!JsonRequestBody.TryParse<SubmitJobRequest>(body, Json, "The request body is not a valid job submission", out var request, out error)) return false;
        if (request is null)
        {
            error = "The request body is empty; expected {\"job\":\"keyed-sum\",\"parallelism\":2,...}.";
            return false;
        }
        if (string.IsNullOrWhiteSpace(request.Job))
        {
            error = "The field 'job' (the registered job name) is required.";
            return false;
        }
        var parallelism = request.Parallelism ?? 1;
        if (parallelism < 1)
        {
            error = $"parallelism must be at least 1, got {parallelism}.";
            return false;
        }
        var fromSavepoint = !string.IsNullOrWhiteSpace(request.SavepointPath);
        // Started from a savepoint without an explicit max parallelism, the job takes the savepoint's (0 = adopt).
        var maxParallelism = request.MaxParallelism ?? (fromSavepoint ? 0 : KeyGroupAssignment.ComputeDefaultMaxParallelism(parallelism));
        if ((maxParallelism < 1 && request.MaxParallelism is not null) || maxParallelism > KeyGroupAssignment.UpperBoundMaxParallelism)
        {
            error = $"maxParallelism must be in [1, {KeyGroupAssignment.UpperBoundMaxParallelism}], got {maxParallelism}.";
            return false;
        }
        if (maxParallelism > 0 && parallelism > maxParallelism)
        {
            error = $"parallelism {parallelism} is above maxParallelism {maxParallelism}.";
            return false;
        }
        var args = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request.Args ?? [])
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String: args[name] = value.GetString()!; break;
                case JsonValueKind.Number: args[name] = value.GetRawText(); break;
                case JsonValueKind.True or JsonValueKind.False: args[name] = value.GetBoolean().ToString(CultureInfo.InvariantCulture).ToLowerInvariant(); break;
                case JsonValueKind.Null: args[name] = ""; break; // absent, but still a name the job must declare
                default:
                    error = $"Argument '{name}' must be a string, number or boolean.";
                    return false;
            }
        }
        var checkpointing = request.Checkpointing ?? Checkpointing.CheckpointingSettings.Default;
        var restartStrategy = request.RestartStrategy ?? RestartStrategySettings.Default;
        var checkpointErrors = checkpointing.Validate().Concat(restartStrategy.Validate()).ToList();
        if (checkpointErrors.Count > 0)
        {
            error = string.Join(" ", checkpointErrors);
            return false;
        }
        spec = new JobSpec
        {
            JobName = request.Job.Trim(), Parallelism = parallelism, MaxParallelism = maxParallelism, Args = args, Checkpointing = checkpointing,
            RestartStrategy = restartStrategy,
            SavepointPath = fromSavepoint ? request.SavepointPath!.Trim() : null,
            AllowNonRestoredState = request.AllowNonRestoredState == true,
        };
        error = null;
        return true;
    }
}
