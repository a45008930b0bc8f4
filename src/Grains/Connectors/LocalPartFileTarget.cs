using OrleansFlow.Api;

namespace OrleansFlow.Connectors;

/// <summary>
/// Parts in a local folder: written to the hidden <c>.{name}.inprogress</c>, flushed to disk on seal, and committed by
/// an atomic rename to <c>{name}</c>. The payload is the part's name.
/// </summary>
internal sealed class LocalPartFileTarget : IPartFileTarget
{
    private readonly string _directory;

    public LocalPartFileTarget(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = Path.GetFullPath(directory);
    }

    public string Location => _directory;

    public IPartFileWriter Create(PartFileName name)
    {
        Directory.CreateDirectory(_directory);
        return new LocalPartFileWriter(Path.Combine(_directory, name.HiddenName), name.ToString());
    }

    public Task CommitAsync(string payload, CancellationToken cancellationToken)
    {
        if (!PartFileName.TryParseAnyJob(payload, out var part))
            throw new InvalidDataException($"'{payload}' is not the name of a file sink part: refusing to commit it in {_directory}.");
        var final = Path.Combine(_directory, part.ToString());
        var hidden = Path.Combine(_directory, part.HiddenName);
        if (File.Exists(hidden))
        {
            File.Move(hidden, final, overwrite: true);
        }
        else if (!File.Exists(final))
        {
            throw new FileNotFoundException(
                $"Part {part} in {_directory} can be neither committed nor found committed: its pre-committed file {part.HiddenName} is gone, so its records are lost.", hidden);
        }
        return Task.CompletedTask;
    }

    public Task DiscardAsync(SinkDiscardScope scope, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_directory)) return Task.CompletedTask;
        foreach (var path in Directory.EnumerateFiles(_directory, PartFileName.HiddenPrefix(scope.JobId) + "*"))
        {
            if (PartFileName.TryParseHidden(scope.JobId, Path.GetFileName(path), out var part) && scope.Owns(part.Subtask, part.Attempt))
                File.Delete(path);
        }
        return Task.CompletedTask;
    }
}
