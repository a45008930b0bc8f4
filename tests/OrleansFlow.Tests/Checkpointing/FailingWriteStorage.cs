using OrleansFlow.Storage;

namespace OrleansFlow.Tests.Checkpointing;

/// <summary>A storage whose stream writes fail with an <see cref="IOException"/> after reading <paramref name="failAfter"/> bytes; everything else goes to <paramref name="inner"/>.</summary>
internal sealed class FailingWriteStorage(ICheckpointStorage inner, int failAfter) : ICheckpointStorage
{
    public async Task WriteAsync(string path, Stream content, CancellationToken cancellationToken = default)
    {
        var buffer = new byte[failAfter];
        await content.ReadAtLeastAsync(buffer, failAfter, throwOnEndOfStream: false, cancellationToken);
        throw new IOException("The disk is full.");
    }

    public string DescribeLocation(string path) => inner.DescribeLocation(path);
    public Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) => inner.WriteAsync(path, content, cancellationToken);
    public Task<byte[]?> ReadAllAsync(string path, CancellationToken cancellationToken = default) => inner.ReadAllAsync(path, cancellationToken);
    public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default) => inner.OpenReadAsync(path, cancellationToken);
    public Task<long?> GetLengthAsync(string path, CancellationToken cancellationToken = default) => inner.GetLengthAsync(path, cancellationToken);
    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);
    public Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default) => inner.DeleteAsync(path, cancellationToken);
    public Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken = default) => inner.DeletePrefixAsync(prefix, cancellationToken);
}
