using OrleansFlow.Jobs;

namespace OrleansFlow.Tasks;

/// <summary>What the job manager tells a task grain when it deploys it for an attempt.</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.TaskDeployment")]
public sealed record TaskDeployment(
    [property: Id(0)] TaskId Task,
    [property: Id(1)] int Attempt,
    [property: Id(2)] JobSpec Spec,
    [property: Id(3)] TaskRestore? Restore = null);
