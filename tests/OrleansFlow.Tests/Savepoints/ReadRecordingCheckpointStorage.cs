using System.Collections.Concurrent;
using OrleansFlow.Storage;
using OrleansFlow.Tests.Storage;
using OrleansFlow.Tests.State;

namespace OrleansFlow.Tests.Savepoints;

/// <summary>
/// A checkpoint storage that delegates to another and hands out <see cref="ReadRecordingStream"/>s from
/// <see cref="OpenReadAsync"/>, so a test sees which byte ranges of which objects were read through streams.
/// </summary>
internal sealed class ReadRecordingCheckpointStorage(ICheckpointStorage inner) : DelegatingCheckpointStorage(inner)
{
    private readonly ConcurrentQueue<(string Path, ReadRecordingStream Stream)> _opened = new();

    /// <summary>Every stream opened, with its object's path, in order.</summary>
    public IReadOnlyList<(string Path, ReadRecordingStream Stream)> Opened => _opened.ToArray();

    public override async Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var bytes = await Inner.ReadAllAsync(path, cancellationToken);
        if (bytes is null) return null;
        var stream = new ReadRecordingStream(bytes);
        _opened.Enqueue((path, stream));
        return stream;
    }
}
