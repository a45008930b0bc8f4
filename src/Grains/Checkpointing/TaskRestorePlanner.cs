using OrleansFlow.Jobs;
using OrleansFlow.KeyGroups;
using OrleansFlow.Tasks;

namespace OrleansFlow.Checkpointing;

/// <summary>
/// What each task of a job graph restores from a checkpoint (pure): for every keyed operator of its chain, the state
/// files whose key groups overlap the task's own range (so a task reads exactly its key groups, at any parallelism);
/// for its source, every split's offset (the task seeks those of the splits it reads at the new parallelism); for its operator states, its shares by their redistribution mode (<see cref="OperatorStateRedistribution"/>); for its exactly-once sinks, the transactions of the old subtasks
/// <c>s</c> with <c>s % parallelism == subtask</c> (each has exactly one new owner, at any parallelism).
/// </summary>
internal static class TaskRestorePlanner
{
    public static TaskRestore For(JobGraph graph, TaskId task, RestorePlan plan)
    {
        var vertex = graph.Vertices[task.Vertex];
        var range = KeyGroupAssignment.ComputeKeyGroupRangeForOperatorIndex(graph.MaxParallelism, vertex.Parallelism, task.Subtask);
        var uids = vertex.Chain.Select(t => t.Uid).ToHashSet(StringComparer.Ordinal);
        var files = plan.Metadata.Operators
            .Where(o => uids.Contains(o.Uid))
            .SelectMany(o => o.States
                .Where(s => !s.KeyGroups.Intersect(range).IsEmpty)
                .Select(s => new TaskRestoreFile(o.Uid, plan.PathOf(s), s.KeyGroups, s.SectionChecksums)))
            .ToList();
        var offsets = plan.Metadata.SourceOffsets // every split's offset: the task seeks the splits it reads at its parallelism
            .Where(o => uids.Contains(o.OperatorUid))
            .GroupBy(o => o.OperatorUid, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<int, long>)g.ToDictionary(o => o.Split, o => o.Offset), StringComparer.Ordinal);
        var committables = plan.Metadata.Committables
            .Where(c => uids.Contains(c.OperatorUid) && c.Subtask % vertex.Parallelism == task.Subtask)
            .GroupBy(c => c.OperatorUid, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Api.SinkCommittable>)g.Select(c => new Api.SinkCommittable(c.CheckpointId, c.Subtask, c.Payload)).ToList(), StringComparer.Ordinal);
        var operatorStates = plan.Metadata.Operators
            .Where(o => uids.Contains(o.Uid))
            .SelectMany(o => OperatorStateRedistribution.SharesOf(o, task.Subtask, vertex.Parallelism, f => CheckpointMetadata.ResolvePath(plan.MetadataFolder, f.RelativePath)))
            .ToList();
        return new TaskRestore
        {
            CheckpointId = plan.Metadata.CheckpointId, Files = files, SourceOffsets = offsets, Committables = committables, OperatorStates = operatorStates,
        };
    }
}
