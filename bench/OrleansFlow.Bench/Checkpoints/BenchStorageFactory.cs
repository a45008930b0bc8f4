namespace OrleansFlow.Bench.Checkpoints;

/// <summary>
/// Makes a fresh <see cref="BenchStorage"/> per bench silo, under one temporary folder for the whole run and on one
/// Azurite started on first use. Disposing stops Azurite and deletes the temporary folder.
/// </summary>
public sealed class BenchStorageFactory : IAsyncDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "orleansflow-bench-" + Guid.NewGuid().ToString("N"));
    private AzuriteServer? _azurite;

    /// <summary>The temporary folder of the run.</summary>
    public string Root => _root;

    /// <summary>A fresh storage of <paramref name="kind"/>.</summary>
    public async Task<BenchStorage> CreateAsync(StorageKind kind)
    {
        Directory.CreateDirectory(_root);
        switch (kind)
        {
            case StorageKind.Folder:
                return new FolderBenchStorage(_root);
            case StorageKind.Azurite:
                _azurite ??= await AzuriteServer.StartAsync();
                return await AzuriteBenchStorage.CreateAsync(_azurite);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown storage.");
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_azurite is not null) await _azurite.DisposeAsync();
        }
        finally
        {
            _azurite = null;
            if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
        }
    }
}
