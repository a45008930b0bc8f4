using OrleansFlow.Checkpointing;
using OrleansFlow.KeyGroups;
using OrleansFlow.State;

namespace OrleansFlow.Savepoints;

/// <summary>
/// Reads what inspecting a savepoint needs from one keyed-state snapshot (a stream holding exactly one file in
/// <see cref="KeyedStateSnapshotFormat"/>), through <see cref="KeyedStateSnapshotReader"/> so the format is parsed in
/// one place: the state table alone (header, footer, table), or one key group (plus that key group's 16-byte entry of
/// the offset index and its section, found by seeking: no other key group is read). Throws
/// <see cref="InvalidDataException"/> on a file that is not a valid snapshot of <c>maxParallelism</c> key groups, and,
/// given the file's recorded section checksums, on a header or read section whose bytes differ from them.
/// </summary>
internal static class SnapshotKeyGroupReader
{
    private static readonly KeyGroupRange NoKeyGroups = new(0, -1);

    /// <summary>The snapshot's state table: each state's name, kind, key type and value type.</summary>
    public static SnapshotStateMetadata[] ReadStateTable(Stream input, int maxParallelism, StateFileSectionChecksums? checksums = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        input.Position = 0;
        return KeyedStateSnapshotReader.Read(input, maxParallelism, NoKeyGroups, checksums).States;
    }

    /// <summary>
    /// The entries of state <paramref name="stateName"/> in <paramref name="keyGroup"/>, still serialized, in the
    /// order written (later chunks win on equal keys); <c>State</c> is null when the snapshot has no such state.
    /// A key group outside the snapshot's range has no chunks.
    /// </summary>
    public static (SnapshotStateMetadata? State, IReadOnlyList<RestoredStateChunk> Chunks) ReadKeyGroup(
        Stream input, int maxParallelism, int keyGroup, string stateName, StateFileSectionChecksums? checksums = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentOutOfRangeException.ThrowIfNegative(keyGroup);
        input.Position = 0;
        var snapshot = KeyedStateSnapshotReader.Read(input, maxParallelism, new KeyGroupRange(keyGroup, keyGroup), checksums);
        for (var i = 0; i < snapshot.States.Length; i++)
        {
            if (snapshot.States[i].Name == stateName) return (snapshot.States[i], snapshot.Chunks[i]);
        }
        return (null, []);
    }
}
