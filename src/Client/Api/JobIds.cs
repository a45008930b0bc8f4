namespace OrleansFlow.Client.Api;

/// <summary>Job ids are 32 lower-case hex digits, as Flink's.</summary>
public static class JobIds
{
    /// <summary>A new random job id.</summary>
    public static string New() => Guid.NewGuid().ToString("N");

    /// <summary>Whether <paramref name="id"/> has the shape of a job id.</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: 32 } && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
