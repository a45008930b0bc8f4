namespace OrleansFlow.Tasks;

/// <summary>A subtask of a job vertex; its grain key is <c>{jobId}/{vertex}/{subtask}</c>.</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.TaskId")]
public readonly record struct TaskId(
    [property: Id(0)] string JobId,
    [property: Id(1)] int Vertex,
    [property: Id(2)] int Subtask)
{
    /// <summary>The task grain's key.</summary>
    public string ToGrainKey() => $"{JobId}/{Vertex}/{Subtask}";

    /// <summary>Parses a task grain key.</summary>
    public static TaskId Parse(string key)
    {
        var parts = key.Split('/');
        if (parts.Length != 3 || !int.TryParse(parts[1], out var v) || !int.TryParse(parts[2], out var s))
            throw new FormatException($"'{key}' is not a task key ({{jobId}}/{{vertex}}/{{subtask}}).");
        return new TaskId(parts[0], v, s);
    }

    /// <inheritdoc />
    public override string ToString() => ToGrainKey();
}
