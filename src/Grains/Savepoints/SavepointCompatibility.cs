using OrleansFlow.Checkpointing;
using OrleansFlow.Jobs;
using OrleansFlow.Storage;

namespace OrleansFlow.Savepoints;

/// <summary>
/// Whether a savepoint (or retained checkpoint) can start a job (pure): same max parallelism (key groups cannot be
/// remapped across max parallelisms, invariant 2), and every operator uid with state in the savepoint exists in the
/// job unless <see cref="JobSpec.AllowNonRestoredState"/>. Operators of the job without state in the savepoint start
/// empty. State types are checked when the tasks restore (an unreadable type refuses the submission then).
/// </summary>
internal static class SavepointCompatibility
{
    /// <summary>
    /// The storage folder of <paramref name="path"/> as a user gives it (a storage path, see <see cref="UserStoragePath"/>;
    /// <paramref name="localRoot"/> is the local storage's root, or null): a folder, or its <c>_metadata</c> file.
    /// Throws <see cref="ArgumentException"/> for a path that is not a storage folder.
    /// </summary>
    public static string FolderOf(string path, string? localRoot)
    {
        var folder = UserStoragePath.Normalize(path, "savepointPath", localRoot);
        if (folder == StoragePaths.MetadataName) folder = "";
        else if (folder.EndsWith("/" + StoragePaths.MetadataName, StringComparison.Ordinal)) folder = folder[..^(StoragePaths.MetadataName.Length + 1)];
        if (folder.Length == 0) throw new ArgumentException($"savepointPath '{path}' names the storage root, not a savepoint folder.");
        return folder;
    }

    /// <summary>Why <paramref name="metadata"/> cannot start <paramref name="graph"/>, or null when it can.</summary>
    public static string? Check(CheckpointMetadata metadata, JobGraph graph, JobSpec spec, string path)
    {
        if (metadata.MaxParallelism != graph.MaxParallelism)
        {
            return $"Savepoint '{path}' was taken with maxParallelism {metadata.MaxParallelism} but the job has maxParallelism {graph.MaxParallelism}: " +
                $"key groups cannot be remapped to another max parallelism. Submit with maxParallelism {metadata.MaxParallelism} (or leave it out).";
        }
        var uids = graph.Vertices.SelectMany(v => v.Chain).Select(t => t.Uid).ToHashSet(StringComparer.Ordinal);
        var missing = metadata.Operators.Select(o => o.Uid).Where(u => !uids.Contains(u)).ToList();
        if (missing.Count > 0 && !spec.AllowNonRestoredState)
        {
            return $"Savepoint '{path}' has state for operator(s) {string.Join(", ", missing.Select(u => $"'{u}'"))} that the job does not have " +
                $"(its operators: {string.Join(", ", uids.Order(StringComparer.Ordinal))}). Give those operators the same uid, or submit with allowNonRestoredState to drop that state.";
        }
        return null;
    }
}
