using Orleans.Serialization;
using OrleansFlow.KeyGroups;

namespace OrleansFlow.State;

/// <summary>
/// The <see cref="IKeyedStateSnapshot"/> of a <see cref="HeapKeyedStateBackend{TKey}"/>: per state, either the frozen
/// view of its table (<see cref="StateTableSnapshot"/>) or the still serialized chunks of a restored state not yet
/// asked for (immutable, written back as they are).
/// Thread-safety: <see cref="WriteToAsync"/> may run on any thread; <see cref="Dispose"/> and the backend's
/// <see cref="Release"/> run on the owner's. The two sides agree through <c>_phase</c> and <c>_disposeRequested</c>,
/// each written with a full fence before the other is read: a write that starts after Dispose throws without reading
/// anything, and the backend releases (merges) only when no write is running.
/// </summary>
internal sealed class HeapKeyedStateSnapshot : IKeyedStateSnapshot
{
    private const int Ready = 0;
    private const int Writing = 1;
    private const int WriteEnded = 2;

    private readonly int _maxParallelism;
    private readonly int _firstIndex;
    private readonly SnapshotStateMetadata[] _states;
    private readonly StateTableSnapshot?[] _tables;
    private readonly RestoredState?[] _restored;
    private readonly Serializer _serializer;
    private readonly Action _onDispose;
    private readonly CancellationTokenSource _cancellation = new();
    private int _phase;
    private int _disposeRequested;
    private bool _released;

    /// <summary>
    /// Creates the snapshot of key groups <paramref name="range"/>, whose first one is at key group index
    /// <paramref name="firstIndex"/> of the backend; per state (parallel to <paramref name="states"/>) either a table's
    /// part or a restored state. <paramref name="onDispose"/> tells the backend (on the owner's thread).
    /// </summary>
    public HeapKeyedStateSnapshot(
        int maxParallelism, KeyGroupRange range, int firstIndex, SnapshotStateMetadata[] states, StateTableSnapshot?[] tables, RestoredState?[] restored,
        Serializer serializer, Action onDispose)
    {
        _maxParallelism = maxParallelism;
        KeyGroupRange = range;
        _firstIndex = firstIndex;
        _states = states;
        _tables = tables;
        _restored = restored;
        _serializer = serializer;
        _onDispose = onDispose;
    }

    /// <inheritdoc />
    public KeyGroupRange KeyGroupRange { get; }

    /// <summary>Whether the snapshot was disposed, no write is running, and it was not released yet (owner thread).</summary>
    internal bool IsReleasable => !_released && Volatile.Read(ref _disposeRequested) != 0 && Volatile.Read(ref _phase) != Writing;

    /// <inheritdoc />
    public async Task<KeyedStateSnapshotInfo> WriteToAsync(Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanWrite) throw new ArgumentException("The snapshot stream must be writable.", nameof(output));
        if (Interlocked.CompareExchange(ref _phase, Writing, Ready) != Ready) throw new InvalidOperationException("A snapshot is written once.");
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposeRequested) != 0, this);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _cancellation.Token);
            return await WriteAsync(output, linked.Token);
        }
        finally
        {
            Volatile.Write(ref _phase, WriteEnded);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Disposing while the write runs cancels it; the layers are released once the write has ended, by the next
    /// <see cref="Dispose"/> (idempotent otherwise) or the backend's next snapshot.
    /// </remarks>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposeRequested, 1) == 0) _cancellation.Cancel();
        _onDispose(); // releases every disposed snapshot whose write has ended, this one included
    }

    /// <summary>Gives every table its frozen layers back (owner thread, once <see cref="IsReleasable"/>).</summary>
    internal void Release()
    {
        _released = true;
        foreach (var table in _tables) table?.Release();
    }

    /// <summary>
    /// Forgets the snapshot without merging, because its backend was disposed: nothing merges any more, so a running or
    /// later write still reads unchanged layers and completes (the last checkpoint of a finishing task stays valid).
    /// </summary>
    internal void Abandon() => _released = true;

    private async Task<KeyedStateSnapshotInfo> WriteAsync(Stream output, CancellationToken cancellationToken)
    {
        var count = KeyGroupRange.NumberOfKeyGroups;
        foreach (var table in _tables) table?.GroupByKeyGroup(_firstIndex, count, cancellationToken);

        var writer = new KeyedStateSnapshotWriter(output);
        try
        {
            writer.WriteHeader(_maxParallelism, KeyGroupRange, _states);
            for (var i = 0; i < count; i++)
            {
                writer.BeginKeyGroup(KeyGroupRange.StartKeyGroup + i);
                for (var state = 0; state < _states.Length; state++)
                {
                    if (_tables[state] is { } table) await table.WriteKeyGroupAsync(i, state, writer, _serializer, cancellationToken);
                    else if (_restored[state]!.ChunksByKeyGroup[_firstIndex + i] is { } chunks)
                    {
                        foreach (var chunk in chunks) writer.WriteRecord(state, chunk.EntryCount, chunk.Keys.Span, chunk.Values.Span);
                    }
                    await writer.FlushIfFullAsync(cancellationToken);
                }
                writer.EndKeyGroup();
            }
            return await writer.FinishAsync(cancellationToken);
        }
        catch
        {
            await writer.AbandonAsync(); // the stream is the storage's again only when no write of ours runs on it
            throw;
        }
    }
}
