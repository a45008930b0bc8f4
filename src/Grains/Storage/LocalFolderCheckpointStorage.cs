using Microsoft.Extensions.Options;

namespace OrleansFlow.Storage;

/// <summary>
/// <see cref="ICheckpointStorage"/> on a local folder (the zero-setup default). An object is a file; a write goes to a
/// staging file under <c>{root}/.staging</c>, is flushed, then renamed into place, so it appears whole or not at all.
/// </summary>
public sealed class LocalFolderCheckpointStorage : ICheckpointStorage
{
    private const string StagingFolder = ".staging";
    private readonly string _root;
    private readonly bool _flushToDisk;

    /// <summary>Creates the storage over <see cref="LocalFolderCheckpointStorageOptions.RootDirectory"/>.</summary>
    public LocalFolderCheckpointStorage(IOptions<LocalFolderCheckpointStorageOptions> options)
    {
        _root = Path.GetFullPath(options.Value.RootDirectory);
        _flushToDisk = options.Value.FlushToDisk;
    }

    /// <summary>The absolute root folder.</summary>
    public string RootDirectory => _root;

    /// <inheritdoc />
    public string? LocalRootDirectory => _root;

    /// <inheritdoc />
    public string DescribeLocation(string path) => FullPath(path);

    /// <inheritdoc />
    public Task WriteAsync(string path, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        return WriteAsync(path, (file, token) => content.CopyToAsync(file, token), cancellationToken);
    }

    /// <inheritdoc />
    public async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> writeContent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writeContent);
        var target = FullPath(path);
        var staging = Path.Combine(_root, StagingFolder, $"{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(Path.GetDirectoryName(staging)!);
        try
        {
            await using (var file = new FileStream(staging, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await writeContent(new WriteOnlyStream(file), cancellationToken);
                await file.FlushAsync(cancellationToken);
                if (_flushToDisk) file.Flush(flushToDisk: true);
            }
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(staging, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(staging)) File.Delete(staging);
        }
    }

    /// <inheritdoc />
    public Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        WriteAsync(path, new ReadOnlyMemoryStream(content), cancellationToken);

    /// <inheritdoc />
    public async Task<byte[]?> ReadAllAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            return await File.ReadAllBytesAsync(FullPath(path), cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            Stream stream = new FileStream(FullPath(path), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, useAsync: true);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    /// <inheritdoc />
    public Task<long?> GetLengthAsync(string path, CancellationToken cancellationToken = default)
    {
        var info = new FileInfo(FullPath(path));
        return Task.FromResult<long?>(info.Exists ? info.Length : null);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var folder = FolderPath(prefix);
        if (!Directory.Exists(folder)) return Task.FromResult<IReadOnlyList<string>>([]);
        var staging = Path.Combine(_root, StagingFolder) + Path.DirectorySeparatorChar;
        var paths = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(staging, StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(_root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<IReadOnlyList<string>>(paths);
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        var file = FullPath(path);
        if (!File.Exists(file)) return Task.FromResult(false);
        File.Delete(file);
        RemoveEmptyFolders(Path.GetDirectoryName(file)!);
        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public async Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var paths = await ListAsync(prefix, cancellationToken);
        foreach (var path in paths) File.Delete(FullPath(path));
        var folder = FolderPath(prefix);
        if (folder != _root && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
        if (folder != _root) RemoveEmptyFolders(Path.GetDirectoryName(folder)!);
        return paths.Count;
    }

    private string FullPath(string path) => Path.Combine(_root, StoragePath.Check(path).Replace('/', Path.DirectorySeparatorChar));

    private string FolderPath(string prefix)
    {
        var checkedPrefix = StoragePath.CheckPrefix(prefix);
        return checkedPrefix.Length == 0 ? _root : Path.Combine(_root, checkedPrefix.Replace('/', Path.DirectorySeparatorChar));
    }

    private void RemoveEmptyFolders(string folder)
    {
        while (folder.Length > _root.Length && folder.StartsWith(_root, StringComparison.Ordinal)
               && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            try
            {
                Directory.Delete(folder);
            }
            catch (IOException)
            {
                return; // a concurrent write created something in it
            }
            folder = Path.GetDirectoryName(folder)!;
        }
    }
}
