using System.Collections.Concurrent;
using OrleansFlow.Storage;
using OrleansFlow.Tests.State;

namespace OrleansFlow.Tests.Savepoints;

/// <summary>
/// A checkpoint storage that delegates to another and hands out <see cref="ReadRecordingStream"/>s from
/// <see cref="OpenReadAsync"/>, so a test sees which byte ranges of which objects were read through streams.
/// </summary>
internal sealed class ReadRecordingCheckpointStorage(ICheckpointStorage inner) : ICheckpointStorage
{
    private readonly ConcurrentQueue<(string Path, ReadRecordingStream Stream)> _opened = new();

    /// <summary>Every stream opened, with its object's path, in order.</summary>
    public IReadOnlyList<(string Path, ReadRecordingStream Stream)> Opened => _opened.ToArray();

    public string DescribeLocation(string path) => inner.DescribeLocation(path);

    public Task WriteAsync(string path, Stream content, CancellationToken cancellationToken = default) => inner.WriteAsync(path, content, cancellationToken);

    public Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) => inner.WriteAsync(path, content, cancellationToken);

    public Task<byte[]?> ReadAllAsync(string path, CancellationToken cancellationToken = default) => inner.ReadAllAsync(path, cancellationToken);

    public async Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var bytes = await inner.ReadAllAsync(path, cancellationToken);
        if (bytes is null) return null;
        var stream = new ReadRecordingStream(bytes);
        _opened.Enqueue((path, stream));
        return stream;
    }

    public Task<long?> GetLengthAsync(string path, CancellationToken cancellationToken = default) => inner.GetLengthAsync(path, cancellationToken);

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

    public Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default) => inner.DeleteAsync(path, cancellationToken);

    public Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken = default) => inner.DeletePrefixAsync(prefix, cancellationToken);
}
