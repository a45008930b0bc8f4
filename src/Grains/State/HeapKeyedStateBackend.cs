using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Orleans.Serialization;
using OrleansFlow.KeyGroups;

namespace OrleansFlow.State;

/// <summary>
/// Keyed state on the heap (Flink's <c>HeapKeyedStateBackend</c>): each state keeps one dictionary for its keys of
/// <see cref="KeyGroupRange"/>; snapshots group the entries by key group and are written and restored per key group (invariant 7), in the format of
/// <see cref="KeyedStateSnapshotFormat"/>. State restored before its handle exists stays serialized until the handle
/// is asked for. Not thread-safe.
/// </summary>
internal sealed class HeapKeyedStateBackend<TKey> : IKeyedStateBackend<TKey> where TKey : notnull
{
    private readonly Serializer _serializer;
    private readonly Dictionary<string, StateTable<TKey>> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RestoredState> _restored = new(StringComparer.Ordinal);
    private readonly int _firstKeyGroup;
    private readonly int _keyGroupCount;
    private readonly KeyGroupAssigner _assigner;
    private TKey _currentKey = default!;
    private int _currentKeyGroupIndex = -1;

    /// <summary>Creates an empty backend for the key groups of <paramref name="keyGroupRange"/>.</summary>
    public HeapKeyedStateBackend(KeyGroupRange keyGroupRange, int maxParallelism, Serializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        if (maxParallelism < 1 || maxParallelism > KeyGroupAssignment.UpperBoundMaxParallelism)
            throw new ArgumentOutOfRangeException(nameof(maxParallelism), maxParallelism, $"Max parallelism must be in [1, {KeyGroupAssignment.UpperBoundMaxParallelism}].");
        if (!keyGroupRange.IsEmpty && keyGroupRange.EndKeyGroup >= maxParallelism)
            throw new ArgumentOutOfRangeException(nameof(keyGroupRange), keyGroupRange, $"The key-group range must lie in [0, {maxParallelism - 1}].");
        KeyGroupRange = keyGroupRange;
        MaxParallelism = maxParallelism;
        _serializer = serializer;
        _firstKeyGroup = keyGroupRange.StartKeyGroup;
        _keyGroupCount = keyGroupRange.NumberOfKeyGroups;
        _assigner = new KeyGroupAssigner(maxParallelism);
    }

    /// <inheritdoc />
    public KeyGroupRange KeyGroupRange { get; }

    /// <inheritdoc />
    public int MaxParallelism { get; }

    /// <inheritdoc />
    public TKey CurrentKey => _currentKeyGroupIndex >= 0 ? _currentKey : throw new InvalidOperationException("No current key: SetCurrentKey was not called.");

    /// <summary>The current key without the check (for handles, which check <see cref="CurrentKeyGroupIndex"/>).</summary>
    internal TKey CurrentKeyUnchecked
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _currentKey;
    }

    /// <summary>The current key's key group minus the first key group of the range; -1 before the first key.</summary>
    internal int CurrentKeyGroupIndex
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _currentKeyGroupIndex;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetCurrentKey(TKey key, int keyGroup)
    {
        var index = keyGroup - _firstKeyGroup;
        if ((uint)index >= (uint)_keyGroupCount) ThrowKeyGroupOutOfRange(keyGroup);
        _currentKey = key;
        _currentKeyGroupIndex = index;
    }

    /// <inheritdoc />
    public IValueState<T> GetState<T>(ValueStateDescriptor<T> descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var signature = $"ValueState<{Name<T>()}>";
        if (_states.TryGetValue(descriptor.Name, out var existing))
            return existing.Handle as HeapValueState<TKey, T> ?? throw Mismatch(existing, signature);
        var table = new HeapStateTable<TKey, T>(descriptor.Name, StateKind.Value, signature, _keyGroupCount, KeyGroupIndexOf);
        return Register(table, new HeapValueState<TKey, T>(this, table, descriptor.DefaultValue));
    }

    /// <inheritdoc />
    public IListState<T> GetListState<T>(ListStateDescriptor<T> descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var signature = $"ListState<{Name<T>()}>";
        if (_states.TryGetValue(descriptor.Name, out var existing))
            return existing.Handle as HeapListState<TKey, T> ?? throw Mismatch(existing, signature);
        var table = new HeapStateTable<TKey, List<T>>(descriptor.Name, StateKind.List, signature, _keyGroupCount, KeyGroupIndexOf);
        return Register(table, new HeapListState<TKey, T>(this, table));
    }

    /// <inheritdoc />
    public IMapState<TUserKey, TValue> GetMapState<TUserKey, TValue>(MapStateDescriptor<TUserKey, TValue> descriptor) where TUserKey : notnull
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var signature = $"MapState<{Name<TUserKey>()}, {Name<TValue>()}>";
        if (_states.TryGetValue(descriptor.Name, out var existing))
            return existing.Handle as HeapMapState<TKey, TUserKey, TValue> ?? throw Mismatch(existing, signature);
        var table = new HeapStateTable<TKey, Dictionary<TUserKey, TValue>>(descriptor.Name, StateKind.Map, signature, _keyGroupCount, KeyGroupIndexOf);
        return Register(table, new HeapMapState<TKey, TUserKey, TValue>(this, table));
    }

    /// <inheritdoc />
    public IReducingState<T> GetReducingState<T>(ReducingStateDescriptor<T> descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var signature = $"ReducingState<{Name<T>()}>";
        if (_states.TryGetValue(descriptor.Name, out var existing))
            return existing.Handle as HeapReducingState<TKey, T> ?? throw Mismatch(existing, signature);
        var table = new HeapStateTable<TKey, T>(descriptor.Name, StateKind.Reducing, signature, _keyGroupCount, KeyGroupIndexOf);
        return Register(table, new HeapReducingState<TKey, T>(this, table, descriptor.Reduce));
    }

    /// <inheritdoc />
    public IAggregatingState<TIn, TOut> GetAggregatingState<TIn, TAcc, TOut>(AggregatingStateDescriptor<TIn, TAcc, TOut> descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var signature = $"AggregatingState<{Name<TIn>()}, {Name<TAcc>()}, {Name<TOut>()}>";
        if (_states.TryGetValue(descriptor.Name, out var existing))
            return existing.Handle as HeapAggregatingState<TKey, TIn, TAcc, TOut> ?? throw Mismatch(existing, signature);
        var table = new HeapStateTable<TKey, TAcc>(descriptor.Name, StateKind.Aggregating, signature, _keyGroupCount, KeyGroupIndexOf);
        return Register(table, new HeapAggregatingState<TKey, TIn, TAcc, TOut>(this, table, descriptor.Function));
    }

    /// <inheritdoc />
    public void ApplyToAllKeys(string stateName, Action<TKey> action)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(action);
        var keys = new List<(TKey Key, int KeyGroupIndex)>();
        if (_states.TryGetValue(stateName, out var table)) table.CollectKeys(keys);
        else if (_restored.TryGetValue(stateName, out var restored)) CollectRestoredKeys(restored, keys);
        if (keys.Count == 0) return;

        var savedKey = _currentKey;
        var savedIndex = _currentKeyGroupIndex;
        try
        {
            foreach (var (key, index) in keys)
            {
                _currentKey = key;
                _currentKeyGroupIndex = index;
                action(key);
            }
        }
        finally
        {
            _currentKey = savedKey;
            _currentKeyGroupIndex = savedIndex;
        }
    }

    /// <inheritdoc />
    public KeyedStateSnapshotInfo Snapshot(KeyGroupRange range, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanWrite) throw new ArgumentException("The snapshot stream must be writable.", nameof(output));
        var written = range.Intersect(KeyGroupRange);

        var names = new List<string>(_states.Count + _restored.Count);
        names.AddRange(_states.Keys);
        names.AddRange(_restored.Keys);
        names.Sort(StringComparer.Ordinal);
        var keyTypeName = KeyedStateSnapshotFormat.FormatTypeName(typeof(TKey));
        var metadata = new SnapshotStateMetadata[names.Count];
        var tables = new StateTable<TKey>?[names.Count];
        var restoredStates = new RestoredState?[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            if (_states.TryGetValue(names[i], out var table))
            {
                tables[i] = table;
                metadata[i] = new SnapshotStateMetadata(table.Name, table.Kind, keyTypeName, table.ValueTypeName);
            }
            else
            {
                restoredStates[i] = _restored[names[i]];
                metadata[i] = restoredStates[i]!.Metadata;
            }
        }

        foreach (var table in tables) table?.BeginSnapshot();
        try
        {
            return WriteSnapshot(output, written, names, metadata, tables, restoredStates);
        }
        finally
        {
            foreach (var table in tables) table?.EndSnapshot();
        }
    }

    private KeyedStateSnapshotInfo WriteSnapshot(
        Stream output, KeyGroupRange written, List<string> names, SnapshotStateMetadata[] metadata, StateTable<TKey>?[] tables, RestoredState?[] restoredStates)
    {
        var writer = new KeyedStateSnapshotWriter(output);
        writer.WriteHeader(MaxParallelism, written, metadata);
        var keys = new ArrayBufferWriter<byte>();
        var values = new ArrayBufferWriter<byte>();
        for (var keyGroup = written.StartKeyGroup; keyGroup <= written.EndKeyGroup; keyGroup++)
        {
            var index = keyGroup - _firstKeyGroup;
            writer.BeginKeyGroup(keyGroup);
            for (var i = 0; i < names.Count; i++)
            {
                if (tables[i] is { } table)
                {
                    keys.ResetWrittenCount();
                    values.ResetWrittenCount();
                    if (table.SerializeKeyGroup(index, _serializer, keys, values, out var count))
                        writer.WriteRecord(i, count, keys.WrittenSpan, values.WrittenSpan);
                }
                else if (restoredStates[i]!.ChunksByKeyGroup[index] is { } chunks)
                {
                    foreach (var chunk in chunks) writer.WriteRecord(i, chunk.EntryCount, chunk.Keys.Span, chunk.Values.Span);
                }
            }
            writer.EndKeyGroup();
        }
        return writer.Finish();
    }

    /// <inheritdoc />
    public void Restore(Stream input, KeyGroupRange range)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!input.CanRead || !input.CanSeek) throw new ArgumentException("The snapshot stream must be readable and seekable.", nameof(input));

        // 1. Read and validate everything that is needed; nothing changes yet.
        var snapshot = KeyedStateSnapshotReader.Read(input, MaxParallelism, range.Intersect(KeyGroupRange));

        // 2. Check kinds and deserialize into states whose handles exist; still nothing changes.
        var apply = new List<Action>(snapshot.States.Length);
        for (var i = 0; i < snapshot.States.Length; i++)
        {
            var metadata = snapshot.States[i];
            var chunks = snapshot.Chunks[i];
            if (_states.TryGetValue(metadata.Name, out var table))
            {
                if (table.Kind != metadata.Kind)
                    throw new InvalidDataException($"State '{metadata.Name}' is a {metadata.Kind} state in the snapshot but a {table.Kind} state ({table.Signature}) here.");
                if (chunks.Count > 0) apply.Add(table.PrepareRestore(chunks, _firstKeyGroup, _serializer));
            }
            else if (_restored.TryGetValue(metadata.Name, out var restored))
            {
                if (restored.Metadata.Kind != metadata.Kind)
                    throw new InvalidDataException($"State '{metadata.Name}' is a {metadata.Kind} state in the snapshot but was restored as a {restored.Metadata.Kind} state from another one.");
                apply.Add(() => AddChunks(restored, chunks));
            }
            else
            {
                apply.Add(() => _restored.Add(metadata.Name, AddChunks(new RestoredState(metadata, _keyGroupCount), chunks)));
            }
        }

        // 3. Apply: these steps do not fail.
        foreach (var step in apply) step();
    }

    /// <summary>Throws the error of a state handle used before <see cref="SetCurrentKey"/>.</summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void ThrowNoCurrentKey(string stateName) =>
        throw new InvalidOperationException($"State '{stateName}' was used without a current key: SetCurrentKey must be called first.");

    private RestoredState AddChunks(RestoredState restored, List<RestoredStateChunk> chunks)
    {
        foreach (var chunk in chunks) restored.Add(chunk.KeyGroup - _firstKeyGroup, chunk);
        return restored;
    }

    private static InvalidOperationException Mismatch(StateTable<TKey> existing, string requested) =>
        new($"State '{existing.Name}' is already registered as {existing.Signature}; it cannot also be used as {requested}. A state name must keep its kind and types.");

    private THandle Register<TValue, THandle>(HeapStateTable<TKey, TValue> table, THandle handle) where THandle : IState
    {
        if (_restored.TryGetValue(table.Name, out var restored))
        {
            if (restored.Metadata.Kind != table.Kind)
                throw new InvalidOperationException(
                    $"State '{table.Name}' was restored as a {restored.Metadata.Kind} state (of {restored.Metadata.ValueTypeName}); it cannot be used as {table.Signature}.");
            table.PrepareRestore(restored.AllChunks(), _firstKeyGroup, _serializer)();
            _restored.Remove(table.Name);
        }
        table.Handle = handle;
        _states.Add(table.Name, table);
        return handle;
    }

    private void CollectRestoredKeys(RestoredState restored, List<(TKey Key, int KeyGroupIndex)> keys)
    {
        HashSet<TKey>? seen = null;
        for (var index = 0; index < restored.ChunksByKeyGroup.Length; index++)
        {
            var chunks = restored.ChunksByKeyGroup[index];
            if (chunks is null) continue;
            seen?.Clear();
            foreach (var chunk in chunks)
            {
                TKey[]? chunkKeys;
                try
                {
                    chunkKeys = _serializer.Deserialize<TKey[]>(chunk.Keys);
                }
                catch (Exception ex)
                {
                    throw new InvalidDataException(
                        $"The keys of state '{restored.Metadata.Name}' in key group {chunk.KeyGroup} cannot be read as {KeyedStateSnapshotFormat.FormatTypeName(typeof(TKey))}: {ex.Message}", ex);
                }
                if (chunkKeys is null) throw new InvalidDataException($"The keys of state '{restored.Metadata.Name}' in key group {chunk.KeyGroup} are missing.");
                if (chunks.Count == 1)
                {
                    foreach (var key in chunkKeys) keys.Add((key, index));
                    continue;
                }
                seen ??= [];
                foreach (var key in chunkKeys)
                {
                    if (seen.Add(key)) keys.Add((key, index));
                }
            }
        }
    }

    private int KeyGroupIndexOf(TKey key) => _assigner.KeyGroupOf(key) - _firstKeyGroup;

    private static string Name<T>() => KeyedStateSnapshotFormat.FormatTypeName(typeof(T));

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowKeyGroupOutOfRange(int keyGroup) =>
        throw new ArgumentOutOfRangeException(nameof(keyGroup), keyGroup, $"Key group {keyGroup} is not in this backend's range {KeyGroupRange}.");
}
