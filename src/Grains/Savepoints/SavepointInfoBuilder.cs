using OrleansFlow.Checkpointing;
using OrleansFlow.State;

namespace OrleansFlow.Savepoints;

/// <summary>
/// Builds the description of a savepoint from its verified <c>_metadata</c> and the state tables of its files: per
/// operator its parallelism, states, files, the size of each key group (from the key-group offset index in the
/// metadata) and its source offsets. Pure.
/// </summary>
internal static class SavepointInfoBuilder
{
    /// <summary>The description of the savepoint <paramref name="name"/>.</summary>
    /// <param name="name">The savepoint's name.</param>
    /// <param name="location">Where its <c>_metadata</c> is.</param>
    /// <param name="metadata">Its verified metadata.</param>
    /// <param name="metadataSize">The size of its <c>_metadata</c> in bytes.</param>
    /// <param name="statesByOperator">Per operator uid, its merged state table (<see cref="MergeStateTables"/>).</param>
    public static SavepointInfo Build(
        string name, string location, CheckpointMetadata metadata, long metadataSize, IReadOnlyDictionary<string, IReadOnlyList<SnapshotStateMetadata>> statesByOperator)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(statesByOperator);
        var operators = metadata.Operators.Select(op =>
        {
            var sizes = new SortedDictionary<int, long>();
            foreach (var file in op.States)
            {
                for (var i = 0; i < file.KeyGroups.NumberOfKeyGroups; i++)
                    sizes[file.KeyGroups.StartKeyGroup + i] = sizes.GetValueOrDefault(file.KeyGroups.StartKeyGroup + i) + file.KeyGroupLengths[i];
            }
            return new SavepointOperatorInfo
            {
                Uid = op.Uid,
                Parallelism = op.Parallelism,
                States = statesByOperator.TryGetValue(op.Uid, out var states)
                    ? states.Select(s => new SavepointStateInfo(s.Name, KindName(s.Kind), s.KeyTypeName, s.ValueTypeName)).ToArray()
                    : [],
                Files = op.States.Select(f => new SavepointFileInfo(f.RelativePath, f.Subtask, f.KeyGroups, f.Size, f.Checksum)).ToArray(),
                KeyGroups = sizes.Select(s => new SavepointKeyGroupSize(s.Key, s.Value)).ToArray(),
                SourceOffsets = metadata.SourceOffsets.Where(o => o.OperatorUid == op.Uid)
                    .OrderBy(o => o.Split).Select(o => new SavepointSourceOffset(o.Split, o.Offset)).ToArray(),
                StateSize = DistinctFiles(op.States).Sum(f => f.Size) + op.OperatorStates.Sum(f => f.Size),
                OperatorStates = OperatorStatesOf(op),
                OperatorStateFiles = op.OperatorStates.Select(f => new SavepointOperatorStateFileInfo(f.RelativePath, f.Subtask, f.Size, f.Checksum)).ToArray(),
            };
        }).ToArray();
        return new SavepointInfo
        {
            Name = name,
            Kind = metadata.Kind == SnapshotKind.Savepoint ? "savepoint" : "checkpoint",
            JobId = metadata.JobId,
            JobName = metadata.JobName,
            CheckpointId = metadata.CheckpointId,
            MaxParallelism = metadata.MaxParallelism,
            FormatVersion = metadata.FormatVersion,
            TriggerTime = metadata.TriggerTime,
            CompletionTime = metadata.CompletionTime,
            TotalSize = metadataSize + DistinctFiles(metadata.Operators.SelectMany(o => o.States)).Sum(f => f.Size) + metadata.Operators.Sum(o => o.OperatorStates.Sum(f => f.Size)),
            Location = location,
            Operators = operators,
        };
    }

    /// <summary>
    /// One operator's states from the state tables of its files (every file of an operator lists the same states),
    /// in ordinal name order. Throws <see cref="InvalidDataException"/> naming both files when two files define a
    /// state differently.
    /// </summary>
    public static IReadOnlyList<SnapshotStateMetadata> MergeStateTables(string operatorUid, IEnumerable<(string File, SnapshotStateMetadata[] States)> tables)
    {
        var merged = new SortedDictionary<string, (string File, SnapshotStateMetadata State)>(StringComparer.Ordinal);
        foreach (var (file, states) in tables)
        {
            foreach (var state in states)
            {
                if (!merged.TryGetValue(state.Name, out var known))
                {
                    merged[state.Name] = (file, state);
                    continue;
                }
                if (known.State != state)
                    throw new InvalidDataException(
                        $"State '{state.Name}' of operator '{operatorUid}' is {Describe(known.State)} in {known.File} but {Describe(state)} in {file}.");
            }
        }
        return merged.Values.Select(v => v.State).ToArray();
    }

    /// <summary>The operator states of <paramref name="op"/> from its metadata: one entry per name, counts per subtask.</summary>
    public static IReadOnlyList<SavepointOperatorStateInfo> OperatorStatesOf(OperatorStateMetadata op) =>
        op.OperatorStates
            .SelectMany(f => f.States.Select(s => (f.Subtask, State: s)))
            .GroupBy(x => x.State.Name, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.First().State;
                var counts = g.ToDictionary(x => x.Subtask, x => x.State.Count);
                var count = first.Mode == OperatorStateMode.Broadcast ? first.Count : counts.Values.Sum(c => (long)c);
                return new SavepointOperatorStateInfo(g.Key, ModeName(first.Mode), first.KeyTypeName, first.ValueTypeName, count, counts);
            })
            .ToArray();

    /// <summary>The name the API shows for an operator state mode: <c>list</c>, <c>union</c> or <c>broadcast</c>.</summary>
    public static string ModeName(OperatorStateMode mode) => mode switch
    {
        OperatorStateMode.SplitDistribute => "list",
        OperatorStateMode.Union => "union",
        OperatorStateMode.Broadcast => "broadcast",
        _ => mode.ToString(),
    };

    /// <summary>The name the API shows for a state kind, e.g. <c>ValueState</c>.</summary>
    public static string KindName(StateKind kind) => kind switch
    {
        StateKind.Value => "ValueState",
        StateKind.List => "ListState",
        StateKind.Map => "MapState",
        StateKind.Reducing => "ReducingState",
        StateKind.Aggregating => "AggregatingState",
        _ => kind.ToString(),
    };

    private static string Describe(SnapshotStateMetadata state) =>
        $"a {KindName(state.Kind)} of {state.KeyTypeName} → {state.ValueTypeName}";

    private static IEnumerable<StateFileMetadata> DistinctFiles(IEnumerable<StateFileMetadata> files) =>
        files.DistinctBy(f => f.RelativePath, StringComparer.Ordinal);
}
