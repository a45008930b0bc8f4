namespace OrleansFlow.Bench.Checkpoints;

/// <summary>
/// Seconds to write and read back one object of <see cref="Bytes"/> bytes on a storage, each with the plain platform API
/// and through <c>ICheckpointStorage</c> (write: <c>WriteAsync</c>; read: <c>OpenReadAsync</c> copied to the end in
/// 1 MiB pieces, and <c>ReadAllAsync</c>).
/// </summary>
public sealed record RawBandwidthSample(long Bytes, double WritePlain, double WriteStorageApi, double ReadPlain, double ReadOpenRead, double ReadAll)
{
    /// <summary>The faster of the two writes, bytes/s.</summary>
    public double WriteBandwidth => Bytes / Math.Min(WritePlain, WriteStorageApi);

    /// <summary>The fastest of the three reads, bytes/s.</summary>
    public double ReadBandwidth => Bytes / Math.Min(ReadPlain, Math.Min(ReadOpenRead, ReadAll));
}
