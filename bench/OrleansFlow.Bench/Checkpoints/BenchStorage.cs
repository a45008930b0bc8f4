using OrleansFlow.Storage;

namespace OrleansFlow.Bench.Checkpoints;

/// <summary>
/// One place of checkpoint storage for one bench silo (a fresh folder, or a fresh blob container), usable three ways
/// on the same medium: by the silo (<see cref="Configure"/>), through <see cref="ICheckpointStorage"/> directly
/// (<see cref="CheckpointStorage"/>), and with the plain platform API (<see cref="WritePlainAsync"/>: one
/// <c>FileStream</c> write + fsync, or one <c>BlobClient.UploadAsync</c>; read back with <see cref="ReadPlainAsync"/>),
/// which is the raw bandwidth a checkpoint or a rescale is compared with. Disposing deletes everything written there.
/// </summary>
public abstract class BenchStorage : IAsyncDisposable
{
    /// <summary>Which storage this is.</summary>
    public abstract StorageKind Kind { get; }

    /// <summary>The name used in tables and on the command line.</summary>
    public string Name => Kind.ToString().ToLowerInvariant();

    /// <summary>Makes <paramref name="silo"/> keep its checkpoints and job files here.</summary>
    public abstract void Configure(ISiloBuilder silo);

    /// <summary>The product's storage class on the same place, with the same settings as the silo's.</summary>
    public abstract ICheckpointStorage CheckpointStorage { get; }

    /// <summary>
    /// The CPU time the storage's own server process (Azurite) has used so far, or null for a storage without one. On
    /// this machine that process shares the cores with the silo, so its work during a run is part of what a run costs.
    /// </summary>
    public virtual TimeSpan? ServerCpuTime => null;

    /// <summary>Writes <paramref name="data"/> as one object named <paramref name="name"/> with the plain platform API.</summary>
    public abstract Task WritePlainAsync(string name, ReadOnlyMemory<byte> data);

    /// <summary>Reads the object <see cref="WritePlainAsync"/> wrote under <paramref name="name"/> to its end with the plain platform API; returns the bytes read.</summary>
    public abstract Task<long> ReadPlainAsync(string name);

    /// <summary>Deletes what <see cref="WritePlainAsync"/> wrote under <paramref name="name"/>.</summary>
    public abstract Task DeletePlainAsync(string name);

    /// <summary>Deletes the folder or container.</summary>
    public abstract ValueTask DisposeAsync();
}
