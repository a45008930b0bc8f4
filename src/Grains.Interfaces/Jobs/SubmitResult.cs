namespace OrleansFlow.Jobs;

/// <summary>The answer to a submission: the job's id, or why it was refused (nothing was started then).</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.SubmitResult")]
public sealed record SubmitResult(
    [property: Id(0)] string JobId,
    [property: Id(1)] SubmitErrorKind Error,
    [property: Id(2)] string? Message)
{
    /// <summary>Whether the job was accepted.</summary>
    public bool Accepted => Error == SubmitErrorKind.None;
}
