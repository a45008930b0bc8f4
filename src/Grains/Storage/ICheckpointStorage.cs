namespace OrleansFlow.Storage;

/// <summary>
/// Where checkpoints, savepoints and job files live: a flat namespace of objects addressed by relative
/// <c>/</c>-separated paths (built by <see cref="StoragePaths"/>, checked by <see cref="StoragePath"/>), the same
/// layout on a local folder and on Azure Blob Storage.
/// Protocol: an object is written whole by <see cref="WriteAsync(string, Stream, CancellationToken)"/> and is
/// visible to readers only once completely written (a failed or cancelled write leaves no object and no partial
/// content; writing an existing path replaces it atomically). Objects are read whole or by seeking a read stream.
/// Thread-safety: implementations are safe for concurrent use by many grains. Failures: a missing object is
/// <c>null</c>/<c>false</c>, never an exception; I/O and service errors surface as exceptions and change nothing.
/// </summary>
public interface ICheckpointStorage
{
    /// <summary>
    /// The absolute folder of a storage on the local file system, in which absolute paths given by users can name
    /// storage paths (<see cref="UserStoragePath"/>); null (the default) for any other storage.
    /// </summary>
    string? LocalRootDirectory => null;

    /// <summary>A human-readable location of <paramref name="path"/> (a file path or a blob URI), for logs and the API.</summary>
    string DescribeLocation(string path);

    /// <summary>Writes <paramref name="content"/> (read to its end) as the object <paramref name="path"/>, atomically.</summary>
    Task WriteAsync(string path, Stream content, CancellationToken cancellationToken = default);

    /// <summary>Writes <paramref name="content"/> as the object <paramref name="path"/>, atomically.</summary>
    Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the object <paramref name="path"/> with what <paramref name="writeContent"/> writes into the write-only,
    /// non-seekable stream it is given (the push side of <see cref="WriteAsync(string, Stream, CancellationToken)"/>,
    /// as Flink's checkpoint output streams: the producer writes straight into the storage, no copy in between).
    /// Protocol: <paramref name="writeContent"/> is called once, must not use the stream after its task ends, and
    /// must not leave writes running. The object appears, atomically, only when <paramref name="writeContent"/>
    /// completes successfully; when it throws (or the storage fails, which fails the stream's writes), nothing is
    /// written and its exception is thrown here. The default implementation connects the producer to
    /// <see cref="WriteAsync(string, Stream, CancellationToken)"/> through a pipe (<see cref="PipedObjectWrite"/>).
    /// </summary>
    Task WriteAsync(string path, Func<Stream, CancellationToken, Task> writeContent, CancellationToken cancellationToken = default) =>
        PipedObjectWrite.WriteAsync(this, path, writeContent, cancellationToken);

    /// <summary>The whole object, or null when it does not exist.</summary>
    Task<byte[]?> ReadAllAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>
    /// A seekable read-only stream over the object, or null when it does not exist. Seeking reads only the ranges
    /// that are read (what key-group-addressed restores rely on). Dispose it when done.
    /// </summary>
    Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>The object's length in bytes, or null when it does not exist.</summary>
    Task<long?> GetLengthAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>The paths of the objects under <paramref name="prefix"/> (a folder path, or empty for all), in ordinal order.</summary>
    Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>Deletes one object; false when it did not exist.</summary>
    Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Deletes every object under the folder <paramref name="prefix"/>; returns how many.</summary>
    Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken = default);
}
