using Azure.Storage.Blobs;
using OrleansFlow.Api;

namespace OrleansFlow.Connectors;

/// <summary>
/// An exactly-once sink that writes records as lines into part files (Flink's <c>FileSink</c> with its
/// on-checkpoint rolling policy), in a local folder or a blob container. Each subtask writes an invisible part per
/// checkpoint interval; checkpoint <c>n</c>'s barrier seals it (pre-commit) and it becomes the visible
/// <c>part-{jobId}-{subtask}-{attempt}-{n}</c> only when checkpoint <c>n</c> completed, or when the whole bounded job
/// finished. A restart discards what was not committed. So the lines of the visible <c>part-</c> files are the job's
/// result, each exactly once; without checkpointing the output appears when a bounded job finishes.
/// </summary>
public sealed class FileSink<T> : ISink<T>, ITwoPhaseCommitSink
{
    private readonly IPartFileTarget _target;
    private readonly Func<T, string> _format;

    /// <summary>A sink into the local folder <paramref name="directory"/>, formatting each record as one line.</summary>
    public FileSink(string directory, Func<T, string> format)
        : this(new LocalPartFileTarget(directory), format)
    {
    }

    private FileSink(IPartFileTarget target, Func<T, string> format)
    {
        ArgumentNullException.ThrowIfNull(format);
        _target = target;
        _format = format;
    }

    /// <summary>
    /// A sink into the blob container <paramref name="container"/> (created if missing), with part names starting
    /// with <paramref name="prefix"/> (a virtual folder; empty for the container's root).
    /// </summary>
    public static FileSink<T> ToBlobContainer(BlobContainerClient container, string prefix, Func<T, string> format) =>
        new(new BlobPartFileTarget(container, prefix), format);

    /// <summary>Where the parts go.</summary>
    public string Location => _target.Location;

    /// <inheritdoc />
    public ISinkWriter<T> CreateWriter(SinkWriterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new FileSinkWriter<T>(_target, _format, context);
    }

    /// <inheritdoc />
    public ISinkCommitter CreateCommitter(string jobId, string operatorUid) => new FileSinkCommitter(_target);
}
