using OrleansFlow.Storage;

namespace OrleansFlow.Tests.Storage;

/// <summary>A test storage that passes every call to <paramref name="inner"/>; fault-injecting storages override what they change.</summary>
internal abstract class DelegatingCheckpointStorage(ICheckpointStorage inner) : ICheckpointStorage
{
    /// <summary>The storage calls go to.</summary>
    protected ICheckpointStorage Inner => inner;

    public virtual string? LocalRootDirectory => inner.LocalRootDirectory;
    public virtual string DescribeLocation(string path) => inner.DescribeLocation(path);
    public virtual Task WriteAsync(string path, Stream content, CancellationToken cancellationToken = default) => inner.WriteAsync(path, content, cancellationToken);
    public virtual Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) => inner.WriteAsync(path, content, cancellationToken);
    public virtual Task WriteAsync(string path, Func<Stream, CancellationToken, Task> writeContent, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(path, writeContent, cancellationToken);
    public virtual Task<byte[]?> ReadAllAsync(string path, CancellationToken cancellationToken = default) => inner.ReadAllAsync(path, cancellationToken);
    public virtual Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default) => inner.OpenReadAsync(path, cancellationToken);
    public virtual Task<long?> GetLengthAsync(string path, CancellationToken cancellationToken = default) => inner.GetLengthAsync(path, cancellationToken);
    public virtual Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);
    public virtual Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default) => inner.DeleteAsync(path, cancellationToken);
    public virtual Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken = default) => inner.DeletePrefixAsync(prefix, cancellationToken);
}
