namespace OrleansFlow.Checkpointing;

/// <summary>
/// Which completed checkpoints to keep (the newest <c>retained</c>) and which files to delete: those of dropped
/// checkpoints that no kept checkpoint references (pure; shared files of incremental checkpoints stay while used).
/// </summary>
internal static class CheckpointRetention
{
    public static (IReadOnlyList<CompletedCheckpoint> Kept, IReadOnlyList<CompletedCheckpoint> Dropped, IReadOnlyList<string> FilesToDelete) Decide(
        IReadOnlyList<CompletedCheckpoint> completed, int retained)
    {
        var ordered = completed.OrderBy(c => c.Id).ToList();
        var dropCount = Math.Max(0, ordered.Count - retained);
        var dropped = ordered.Take(dropCount).ToList();
        var kept = ordered.Skip(dropCount).ToList();
        var stillReferenced = kept.SelectMany(c => c.ReferencedFiles).ToHashSet(StringComparer.Ordinal);
        var files = dropped.SelectMany(c => c.ReferencedFiles.Append(c.MetadataPath))
            .Where(f => !stillReferenced.Contains(f))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return (kept, dropped, files);
    }
}
