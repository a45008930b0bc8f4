using OrleansFlow.Checkpointing;
using OrleansFlow.Operators;
using OrleansFlow.State;
using OrleansFlow.Storage;

namespace OrleansFlow.Tasks.Checkpointing;

/// <summary>
/// Restores an operator's shares of its operator states (<see cref="TaskRestore.OperatorStates"/>): each file is read
/// whole (operator state is small), its size and CRC-64 verified, then the shares are taken from it in the order the
/// restore lists them. Every failure is an exception naming the file and checkpoint; nothing is restored then.
/// </summary>
internal static class OperatorStateRestorer
{
    public static async Task RestoreAsync(ICheckpointStorage storage, IOperatorStateOwner op, TaskRestore restore)
    {
        var shares = restore.OperatorStates.Where(s => s.OperatorUid == op.Uid).ToList();
        var files = new Dictionary<string, IReadOnlyList<(OperatorStateEntryInfo Info, ReadOnlyMemory<byte> Payload)>>(StringComparer.Ordinal);
        foreach (var share in shares.DistinctBy(s => s.Path, StringComparer.Ordinal))
            files[share.Path] = await ReadAsync(storage, share, restore.CheckpointId);
        op.OperatorState.Backend.Restore(shares.Select(share =>
        {
            var (info, payload) = files[share.Path].FirstOrDefault(s => s.Info.Name == share.StateName);
            if (info is null) throw new InvalidDataException($"Operator-state file {storage.DescribeLocation(share.Path)} has no state '{share.StateName}'.");
            return (info, payload, share.Skip, share.Take);
        }).ToList());
    }

    private static async Task<IReadOnlyList<(OperatorStateEntryInfo Info, ReadOnlyMemory<byte> Payload)>> ReadAsync(
        ICheckpointStorage storage, TaskOperatorStateRestore share, long checkpointId)
    {
        var location = storage.DescribeLocation(share.Path);
        var bytes = await storage.ReadAllAsync(share.Path)
            ?? throw new FileNotFoundException($"Operator-state file {location} of checkpoint {checkpointId} is missing.");
        if (bytes.Length != share.Size) throw new InvalidDataException($"Operator-state file {location} of checkpoint {checkpointId} has {bytes.Length} bytes, expected {share.Size}.");
        var checksum = StateFileChecksum.Compute(bytes);
        if (checksum != share.Checksum) throw new InvalidDataException($"Operator-state file {location} of checkpoint {checkpointId} has checksum {checksum}, expected {share.Checksum}.");
        try
        {
            return OperatorStateSnapshotFormat.Read(bytes);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"Operator-state file {location} of checkpoint {checkpointId}: {e.Message}", e);
        }
    }
}
