using System.Security.Cryptography;
using OrleansFlow.Storage;

namespace OrleansFlow.Savepoints;

/// <summary>Names a new savepoint's folder as Flink does: <c>{targetDirectory}/savepoint-{first 6 of job id}-{12 random hex}</c>.</summary>
internal static class SavepointFolders
{
    /// <summary>
    /// A fresh folder under <paramref name="targetDirectory"/> (a storage path, see <see cref="UserStoragePath"/>;
    /// <c>savepoints</c> when null or empty; <paramref name="localRoot"/> is the local storage's root, or null).
    /// Throws <see cref="ArgumentException"/> naming the problem when the directory is not a valid storage folder.
    /// </summary>
    public static string New(string? targetDirectory, string jobId, string? localRoot)
    {
        var parent = string.IsNullOrWhiteSpace(targetDirectory)
            ? StoragePaths.SavepointsFolder
            : UserStoragePath.Normalize(targetDirectory, "targetDirectory", localRoot);
        if (parent.Length == 0) throw new ArgumentException($"targetDirectory '{targetDirectory}' is the storage root; name a folder, such as savepoints.");
        if (parent == StoragePaths.JobsFolder || parent.StartsWith(StoragePaths.JobsFolder + "/", StringComparison.Ordinal))
            throw new ArgumentException($"targetDirectory '{targetDirectory}' is inside '{StoragePaths.JobsFolder}/', where the system deletes checkpoints; choose another folder.");
        var job = jobId.Length > 6 ? jobId[..6] : jobId;
        return $"{parent}/savepoint-{job}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
    }
}
