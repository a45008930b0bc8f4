using System.Text.Json.Serialization;
using OrleansFlow.Storage;

namespace OrleansFlow.Checkpointing;

/// <summary>
/// The content of a checkpoint's or savepoint's <c>_metadata</c> (DESIGN.md, "Storage layout"), written last, after
/// every task acknowledged (invariant 5): the job, the max parallelism (invariant 2), every operator's state files with
/// their key-group offset index (invariant 7), sizes and checksums, and the sources' offsets.
/// <para>
/// Paths: every state file's path is relative to the folder holding <c>_metadata</c> (the <em>metadata folder</em>),
/// so a savepoint folder copied elsewhere still reads. The rule (<see cref="RelativePath"/>) is the POSIX one on
/// <c>/</c>-separated segments: drop the segments the file shares with the metadata folder, climb with one <c>..</c>
/// per remaining segment of the folder, then descend: <c>jobs/j/chk-3/sum-0</c> from <c>jobs/j/chk-3</c> is
/// <c>sum-0</c>, <c>jobs/j/shared/x</c> is <c>../shared/x</c>. <see cref="ResolvePath"/> reverses it and refuses a
/// path that climbs above the storage root. A savepoint must be self-contained, so <see cref="FromAcks"/> refuses a
/// savepoint state file outside its folder.
/// </para>
/// </summary>
internal sealed record CheckpointMetadata
{
    /// <summary>The format version this version of OrleansFlow writes and reads.</summary>
    public const int CurrentFormatVersion = 3; // 2: source offsets per split (rescalable), sink transactions; 3: operator state

    /// <summary>The oldest format version this version of OrleansFlow reads (a version-2 snapshot has no operator state).</summary>
    public const int OldestReadableFormatVersion = 2;

    /// <summary>The largest max parallelism (Flink's bound).</summary>
    public const int MaxMaxParallelism = 32768;

    /// <summary>The format version of this metadata; the first property of the JSON.</summary>
    [JsonPropertyOrder(-1)]
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>Checkpoint or savepoint.</summary>
    public required SnapshotKind Kind { get; init; }

    /// <summary>The job that took the snapshot.</summary>
    public required string JobId { get; init; }

    /// <summary>The job's name.</summary>
    public required string JobName { get; init; }

    /// <summary>The checkpoint id (a savepoint is a checkpoint too, with its own id).</summary>
    public required long CheckpointId { get; init; }

    /// <summary>The job's max parallelism: the number of key groups (invariant 2).</summary>
    public required int MaxParallelism { get; init; }

    /// <summary>When the coordinator triggered the checkpoint.</summary>
    public required DateTimeOffset TriggerTime { get; init; }

    /// <summary>When every task had acknowledged it.</summary>
    public required DateTimeOffset CompletionTime { get; init; }

    /// <summary>Every operator with state, by uid (ordinal order).</summary>
    public required IReadOnlyList<OperatorStateMetadata> Operators { get; init; }

    /// <summary>Every source subtask's offset.</summary>
    public required IReadOnlyList<SourceOffsetMetadata> SourceOffsets { get; init; }

    /// <summary>The exactly-once sinks' pre-committed transactions (absent in metadata without sinks).</summary>
    public IReadOnlyList<SinkCommittableMetadata> Committables { get; init; } = [];

    /// <summary>
    /// Builds the metadata of a checkpoint from its tasks' acknowledgements. Each state handle's absolute storage path
    /// becomes relative to <paramref name="metadataFolder"/> (see the type's remarks). An operator's parallelism is the
    /// number of acknowledging subtasks of the vertex that holds it. Operators are in ordinal uid order, their files and
    /// the source offsets by subtask. Throws <see cref="ArgumentException"/> for an acknowledgement of another
    /// checkpoint, inconsistent handles, or a savepoint file outside <paramref name="metadataFolder"/>.
    /// </summary>
    public static CheckpointMetadata FromAcks(
        string jobId,
        string jobName,
        long checkpointId,
        int maxParallelism,
        SnapshotKind kind,
        DateTimeOffset triggerTime,
        DateTimeOffset completionTime,
        IReadOnlyList<TaskCheckpointAck> acks,
        string metadataFolder)
    {
        ArgumentNullException.ThrowIfNull(acks);
        var folder = StoragePath.CheckPrefix(metadataFolder);
        var subtasksByVertex = new Dictionary<int, HashSet<int>>();
        var vertexByOperator = new Dictionary<string, int>(StringComparer.Ordinal);
        var statesByOperator = new Dictionary<string, List<StateFileMetadata>>(StringComparer.Ordinal);
        var operatorStatesByOperator = new Dictionary<string, List<OperatorStateFileMetadata>>(StringComparer.Ordinal);
        var offsets = new List<SourceOffsetMetadata>();
        var committables = new List<SinkCommittableMetadata>();

        foreach (var ack in acks)
        {
            if (ack.CheckpointId != checkpointId)
                throw new ArgumentException($"Task {ack.Task} acknowledged checkpoint {ack.CheckpointId}, not {checkpointId}.", nameof(acks));
            if (!subtasksByVertex.TryGetValue(ack.Task.Vertex, out var subtasks)) subtasksByVertex[ack.Task.Vertex] = subtasks = [];
            subtasks.Add(ack.Task.Subtask);

            foreach (var handle in ack.State)
            {
                NoteOperator(vertexByOperator, handle.OperatorUid, ack.Task.Vertex);
                var relative = RelativePath(folder, handle.Path);
                if (kind == SnapshotKind.Savepoint && relative.StartsWith("..", StringComparison.Ordinal))
                    throw new ArgumentException($"Savepoint state file {handle.Path} is outside the savepoint folder {folder}: a savepoint must be self-contained.", nameof(acks));
                if (!statesByOperator.TryGetValue(handle.OperatorUid, out var states)) statesByOperator[handle.OperatorUid] = states = [];
                states.Add(new StateFileMetadata
                {
                    RelativePath = relative,
                    Subtask = ack.Task.Subtask,
                    KeyGroups = handle.KeyGroups,
                    KeyGroupOffsets = handle.KeyGroupOffsets.ToArray(),
                    KeyGroupLengths = handle.KeyGroupLengths.ToArray(),
                    Size = handle.Size,
                    Checksum = handle.Checksum,
                    SectionChecksums = handle.SectionChecksums,
                });
            }
            foreach (var handle in ack.OperatorState)
            {
                NoteOperator(vertexByOperator, handle.OperatorUid, ack.Task.Vertex);
                var relative = RelativePath(folder, handle.Path);
                if (kind == SnapshotKind.Savepoint && relative.StartsWith("..", StringComparison.Ordinal))
                    throw new ArgumentException($"Savepoint operator-state file {handle.Path} is outside the savepoint folder {folder}: a savepoint must be self-contained.", nameof(acks));
                if (!operatorStatesByOperator.TryGetValue(handle.OperatorUid, out var files)) operatorStatesByOperator[handle.OperatorUid] = files = [];
                files.Add(new OperatorStateFileMetadata { RelativePath = relative, Subtask = ack.Task.Subtask, Size = handle.Size, Checksum = handle.Checksum, States = handle.States });
            }
            foreach (var (uid, splits) in ack.SourceOffsets)
            {
                NoteOperator(vertexByOperator, uid, ack.Task.Vertex);
                offsets.AddRange(splits.Select(s => new SourceOffsetMetadata(uid, s.Key, s.Value)));
            }
            foreach (var (uid, list) in ack.Committables.Where(c => c.Value.Count > 0)) // a sink with nothing pending has no state
            {
                NoteOperator(vertexByOperator, uid, ack.Task.Vertex);
                committables.AddRange(list.Select(c => new SinkCommittableMetadata(uid, c.Subtask, c.CheckpointId, c.Payload)));
            }
        }

        var metadata = new CheckpointMetadata
        {
            Kind = kind,
            JobId = jobId,
            JobName = jobName,
            CheckpointId = checkpointId,
            MaxParallelism = maxParallelism,
            TriggerTime = triggerTime,
            CompletionTime = completionTime,
            Operators = vertexByOperator.Keys.Order(StringComparer.Ordinal).Select(uid => new OperatorStateMetadata
            {
                Uid = uid,
                Parallelism = subtasksByVertex[vertexByOperator[uid]].Count,
                States = statesByOperator.TryGetValue(uid, out var s)
                    ? s.OrderBy(f => f.Subtask).ThenBy(f => f.KeyGroups.StartKeyGroup).ThenBy(f => f.RelativePath, StringComparer.Ordinal).ToArray()
                    : [],
                OperatorStates = operatorStatesByOperator.TryGetValue(uid, out var o) ? o.OrderBy(f => f.Subtask).ToArray() : [],
            }).ToArray(),
            SourceOffsets = offsets.OrderBy(o => o.OperatorUid, StringComparer.Ordinal).ThenBy(o => o.Split).ToArray(),
            Committables = committables.OrderBy(c => c.OperatorUid, StringComparer.Ordinal).ThenBy(c => c.Subtask).ThenBy(c => c.CheckpointId).ToArray(),
        };
        var problems = metadata.FindProblems();
        if (problems.Count > 0) throw new ArgumentException($"The acknowledgements of checkpoint {checkpointId} are inconsistent: {string.Join("; ", problems)}", nameof(acks));
        return metadata;
    }

    /// <summary>
    /// <paramref name="path"/> (a storage path) relative to <paramref name="metadataFolder"/> (a storage folder, empty
    /// for the root), by the rule in the type's remarks.
    /// </summary>
    public static string RelativePath(string metadataFolder, string path)
    {
        var folder = Segments(StoragePath.CheckPrefix(metadataFolder));
        var target = Segments(StoragePath.Check(path));
        var common = 0;
        while (common < folder.Length && common < target.Length && folder[common] == target[common]) common++;
        if (common == target.Length) throw new ArgumentException($"{path} is the folder {metadataFolder} or one above it, not a file in it.", nameof(path));
        return string.Join('/', Enumerable.Repeat("..", folder.Length - common).Concat(target.Skip(common)));
    }

    /// <summary>
    /// The storage path of <paramref name="relativePath"/> read from the metadata in <paramref name="metadataFolder"/>:
    /// <c>..</c> climbs one folder, <c>.</c> stays. Throws <see cref="InvalidDataException"/> when the result climbs
    /// above the storage root or is not a valid storage path.
    /// </summary>
    public static string ResolvePath(string metadataFolder, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var segments = new List<string>(Segments(StoragePath.CheckPrefix(metadataFolder)));
        if (relativePath.Length == 0) throw new InvalidDataException($"State file path is empty (metadata folder {metadataFolder}).");
        foreach (var segment in relativePath.Split('/'))
        {
            switch (segment)
            {
                case "..":
                    if (segments.Count == 0)
                        throw new InvalidDataException($"State file path '{relativePath}' relative to '{metadataFolder}' escapes the storage root.");
                    segments.RemoveAt(segments.Count - 1);
                    break;
                case ".":
                    break;
                case "":
                    throw new InvalidDataException($"State file path '{relativePath}' has an empty segment (it must be relative, '/'-separated).");
                default:
                    segments.Add(segment);
                    break;
            }
        }
        var resolved = string.Join('/', segments);
        try
        {
            return StoragePath.Check(resolved);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"State file path '{relativePath}' relative to '{metadataFolder}' is not a valid storage path: {e.Message}", e);
        }
    }

    /// <summary>
    /// What is inconsistent in this metadata, one sentence per problem (empty when none): bounds of the max
    /// parallelism, key groups and subtasks, and the key-group offset index against each file's range and size.
    /// </summary>
    public IReadOnlyList<string> FindProblems()
    {
        var problems = new List<string>();
        if (string.IsNullOrEmpty(JobId)) problems.Add("jobId is empty");
        if (MaxParallelism is < 1 or > MaxMaxParallelism) problems.Add($"maxParallelism {MaxParallelism} is outside [1, {MaxMaxParallelism}]");
        if (CheckpointId < 0) problems.Add($"checkpointId {CheckpointId} is negative");
        if (Operators is null || SourceOffsets is null)
        {
            problems.Add("operators or sourceOffsets is missing");
            return problems;
        }
        var uids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Operators.Count; i++)
        {
            var op = Operators[i];
            if (op is null || string.IsNullOrEmpty(op.Uid) || op.States is null)
            {
                problems.Add($"operators[{i}] has no uid or no states");
                continue;
            }
            if (!uids.Add(op.Uid)) problems.Add($"operator '{op.Uid}' is listed twice");
            if (op.Parallelism < 1 || op.Parallelism > MaxParallelism)
                problems.Add($"operator '{op.Uid}' has parallelism {op.Parallelism}, outside [1, maxParallelism {MaxParallelism}]");
            foreach (var state in op.States)
            {
                if (state is null)
                {
                    problems.Add($"operator '{op.Uid}' lists a null state file");
                    continue;
                }
                AddStateFileProblems(op, state, problems);
            }
            AddOperatorStateProblems(op, problems);
        }
        foreach (var c in Committables ?? [])
        {
            if (c is null || string.IsNullOrEmpty(c.OperatorUid) || string.IsNullOrEmpty(c.Payload)) problems.Add("a sink transaction has no operator uid or no payload");
            else if (c.Subtask < 0) problems.Add($"sink transaction of '{c.OperatorUid}' has negative subtask {c.Subtask}");
        }
        foreach (var offset in SourceOffsets)
        {
            if (offset is null || string.IsNullOrEmpty(offset.OperatorUid)) problems.Add("a source offset has no operator uid");
            else if (offset.Split < 0) problems.Add($"source offset of '{offset.OperatorUid}' has negative split {offset.Split}");
        }
        return problems;
    }

    private void AddStateFileProblems(OperatorStateMetadata op, StateFileMetadata state, List<string> problems)
    {
        var name = $"state file '{state.RelativePath}' of operator '{op.Uid}'";
        if (string.IsNullOrEmpty(state.RelativePath)) problems.Add($"a state file of operator '{op.Uid}' has an empty path");
        if (string.IsNullOrEmpty(state.Checksum)) problems.Add($"{name} has no checksum");
        if (state.Subtask < 0 || state.Subtask >= op.Parallelism)
            problems.Add($"{name} was written by subtask {state.Subtask}, outside [0, parallelism {op.Parallelism})");
        if (state.Size < 0) problems.Add($"{name} has negative size {state.Size}");
        var range = state.KeyGroups;
        if (!range.IsEmpty && range.EndKeyGroup >= MaxParallelism)
            problems.Add($"{name} covers key groups {range}, beyond maxParallelism {MaxParallelism}");
        if (state.KeyGroupOffsets is null || state.KeyGroupLengths is null)
        {
            problems.Add($"{name} has no key-group offsets or lengths");
            return;
        }
        if (state.KeyGroupOffsets.Count != range.NumberOfKeyGroups || state.KeyGroupLengths.Count != range.NumberOfKeyGroups)
        {
            problems.Add($"{name} covers key groups {range} ({range.NumberOfKeyGroups} key groups) but lists {state.KeyGroupOffsets.Count} key-group offsets and {state.KeyGroupLengths.Count} key-group lengths");
            return;
        }
        if (state.SectionChecksums is { } sections && sections.KeyGroups?.Count != range.NumberOfKeyGroups)
        {
            problems.Add($"{name} covers key groups {range} ({range.NumberOfKeyGroups} key groups) but lists {sections.KeyGroups?.Count ?? 0} section checksums");
            return;
        }
        for (var i = 0; i < range.NumberOfKeyGroups; i++)
        {
            long offset = state.KeyGroupOffsets[i], length = state.KeyGroupLengths[i];
            if (offset < 0 || length < 0 || offset > state.Size - length)
            {
                problems.Add($"{name}: key group {range.StartKeyGroup + i} at offset {offset} with length {length} lies outside the file's {state.Size} bytes");
                return;
            }
        }
    }

    private static void AddOperatorStateProblems(OperatorStateMetadata op, List<string> problems)
    {
        if (op.OperatorStates is null)
        {
            problems.Add($"operator '{op.Uid}' has a null operatorStates list");
            return;
        }
        var subtasks = new HashSet<int>();
        var modes = new Dictionary<string, State.OperatorStateMode>(StringComparer.Ordinal);
        foreach (var file in op.OperatorStates)
        {
            if (file is null || string.IsNullOrEmpty(file.RelativePath) || string.IsNullOrEmpty(file.Checksum) || file.States is null)
            {
                problems.Add($"an operator-state file of operator '{op.Uid}' has no path, checksum or states");
                continue;
            }
            var name = $"operator-state file '{file.RelativePath}' of operator '{op.Uid}'";
            if (file.Subtask < 0 || file.Subtask >= op.Parallelism) problems.Add($"{name} was written by subtask {file.Subtask}, outside [0, parallelism {op.Parallelism})");
            if (!subtasks.Add(file.Subtask)) problems.Add($"{name}: subtask {file.Subtask} has two operator-state files");
            if (file.Size < 0) problems.Add($"{name} has negative size {file.Size}");
            foreach (var state in file.States)
            {
                if (state is null || string.IsNullOrEmpty(state.Name) || string.IsNullOrEmpty(state.ValueTypeName))
                {
                    problems.Add($"{name} lists a state without name or type");
                    continue;
                }
                if (!Enum.IsDefined(state.Mode)) problems.Add($"{name}: state '{state.Name}' has unknown mode {(int)state.Mode}");
                if (state.Count < 0 || state.Offset < 0 || state.Length < 0 || state.Offset > file.Size - state.Length)
                    problems.Add($"{name}: state '{state.Name}' ({state.Count} elements at offset {state.Offset}, length {state.Length}) lies outside the file's {file.Size} bytes");
                if (modes.TryGetValue(state.Name, out var mode) && mode != state.Mode)
                    problems.Add($"operator '{op.Uid}': state '{state.Name}' is {mode} in one file and {state.Mode} in another");
                modes[state.Name] = state.Mode;
            }
        }
    }

    private static void NoteOperator(Dictionary<string, int> vertexByOperator, string uid, int vertex)
    {
        if (vertexByOperator.TryGetValue(uid, out var known) && known != vertex)
            throw new ArgumentException($"Operator '{uid}' is reported by vertices {known} and {vertex}: an operator uid belongs to one vertex.", "acks");
        vertexByOperator[uid] = vertex;
    }

    private static string[] Segments(string path) => path.Length == 0 ? [] : path.Split('/');
}
