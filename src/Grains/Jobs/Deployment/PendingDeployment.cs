using OrleansFlow.Checkpointing;
using OrleansFlow.Tasks;

namespace OrleansFlow.Jobs.Deployment;

/// <summary>
/// The deployment of one attempt in flight (pure; no I/O, one caller at a time): the job manager sent every task its
/// deployment one-way, because a task that restores a large state may take longer than any grain call may wait; each
/// task reports back. It settles once, on the first of: every task reported deployed; a task reported that it cannot
/// deploy; a silo that holds one of its slots left; the deadline passed. Reports after that are ignored.
/// </summary>
internal sealed class PendingDeployment
{
    private readonly HashSet<TaskId> _waiting;
    private readonly IReadOnlyList<string> _slotSilos;
    private readonly TaskCompletionSource<DeploymentOutcome> _settled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Deploys <paramref name="tasks"/> of <paramref name="attempt"/>; subtask i runs in the slot on <paramref name="slotSilos"/>[i].</summary>
    public PendingDeployment(int attempt, DeploymentKind kind, IEnumerable<TaskId> tasks, IReadOnlyList<string> slotSilos, RestorePlan? restore, RestoreInfo? restoredFrom)
    {
        Attempt = attempt;
        Kind = kind;
        _waiting = [.. tasks];
        TaskCount = _waiting.Count;
        _slotSilos = slotSilos;
        Restore = restore;
        RestoredFrom = restoredFrom;
        if (_waiting.Count == 0) Settle(DeploymentOutcome.Deployed);
    }

    public int Attempt { get; }

    public DeploymentKind Kind { get; }

    /// <summary>What the tasks restore, or null for a fresh start.</summary>
    public RestorePlan? Restore { get; }

    /// <summary>What the checkpoint statistics report as restored.</summary>
    public RestoreInfo? RestoredFrom { get; }

    public int TaskCount { get; }

    /// <summary>The tasks that have not reported yet.</summary>
    public IReadOnlyCollection<TaskId> Waiting => _waiting;

    /// <summary>How it settled, or null while tasks are still deploying.</summary>
    public DeploymentOutcome? Outcome { get; private set; }

    /// <summary>Completes (asynchronously) when it settles.</summary>
    public Task<DeploymentOutcome> Settled => _settled.Task;

    /// <summary><paramref name="task"/> is deployed. True when this report settled the deployment.</summary>
    public bool Deployed(TaskId task) =>
        Outcome is null && _waiting.Remove(task) && _waiting.Count == 0 && Settle(DeploymentOutcome.Deployed);

    /// <summary><paramref name="task"/> cannot deploy. True when this report settled the deployment.</summary>
    public bool Failed(TaskId task, string cause) =>
        Outcome is null && _waiting.Contains(task) && Settle(new DeploymentOutcome($"Deployment of attempt {Attempt} failed: {cause}"));

    /// <summary>Silo <paramref name="silo"/> left the cluster. True when it held a slot of this deployment (which then failed).</summary>
    public bool SiloLost(string silo) =>
        Outcome is null && _slotSilos.Contains(silo, StringComparer.Ordinal)
        && Settle(new DeploymentOutcome($"Deployment of attempt {Attempt} failed: silo {silo}, which held one of its slots, left the cluster."));

    /// <summary>The deadline of <paramref name="timeout"/> passed. True when tasks were still deploying (the deployment then failed).</summary>
    public bool TimedOut(TimeSpan timeout) =>
        Outcome is null && Settle(new DeploymentOutcome(
            $"Deployment of attempt {Attempt} failed: {_waiting.Count} of {TaskCount} tasks did not report within OrleansFlow:DeploymentTimeout ({timeout}): {string.Join(", ", _waiting.Take(5))}{(_waiting.Count > 5 ? ", …" : "")}."));

    private bool Settle(DeploymentOutcome outcome)
    {
        Outcome = outcome;
        _settled.TrySetResult(outcome);
        return true;
    }
}
