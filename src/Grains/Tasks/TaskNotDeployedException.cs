namespace OrleansFlow.Tasks;

/// <summary>Thrown to a sender whose target activation was never deployed: its state is gone (invariant 4).</summary>
[GenerateSerializer, Alias("OrleansFlow.TaskNotDeployedException")]
public sealed class TaskNotDeployedException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public TaskNotDeployedException(string message) : base(message) { }
}
