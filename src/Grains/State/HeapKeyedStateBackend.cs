using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using OrleansFlow.KeyGroups;
using OrleansFlow.State.Ttl;

namespace OrleansFlow.State;

/// <summary>
/// Keyed state on the heap (Flink's <c>HeapKeyedStateBackend</c>): each state keeps one
/// <see cref="CopyOnWriteStateMap{TKey, TValue}"/> for its keys of <see cref="KeyGroupRange"/>; snapshots are
/// copy-on-write (<see cref="BeginSnapshot"/> freezes every state in O(states), the frozen view is grouped and written
/// per key group off the owner thread, invariant 7, in the format of <see cref="KeyedStateSnapshotFormat"/>, and
/// released snapshots are merged back). State restored before its handle exists stays serialized until the handle is
/// asked for. Not thread-safe: every member runs on the owner thread (the task's turn); only
/// <see cref="IKeyedStateSnapshot.WriteToAsync"/> of its snapshots runs elsewhere.
/// </summary>
internal sealed class HeapKeyedStateBackend<TKey> : IKeyedStateBackend<TKey>, ISliceStateStore<TKey> where TKey : notnull
{
    private readonly Serializer _serializer;
    private readonly Dictionary<string, StateTable<TKey>> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RestoredState> _restored = new(StringComparer.Ordinal);
    private readonly List<HeapKeyedStateSnapshot> _inFlight = [];
    private readonly int _firstKeyGroup;
    private readonly int _keyGroupCount;
    private readonly KeyGroupAssigner _assigner;
    private readonly Func<long> _now;
    private TKey _currentKey = default!;
    private int _currentKeyGroupIndex = -1;
    private bool _disposed;

    /// <summary>
    /// Creates an empty backend for the key groups of <paramref name="keyGroupRange"/>; <paramref name="time"/> (the
    /// task's, <see cref="TimeProvider.System"/> by default) is the processing time that states with time to live expire on.
    /// </summary>
    public HeapKeyedStateBackend(KeyGroupRange keyGroupRange, int maxParallelism, Serializer serializer, TimeProvider? time = null)
    {
        var clock = time ?? TimeProvider.System;
        _now = () => clock.GetUtcNow().ToUnixTimeMilliseconds();
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

    /// <inheritdoc />
    public int CurrentKeyGroup => _currentKeyGroupIndex + _firstKeyGroup;

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
        InternalStateNames.RejectReserved(descriptor.Name);
        if (descriptor.Ttl is not { } ttl) return ValueState(descriptor);
        var signature = $"ValueState<{Name<T>()}> with time to live";
        if (_states.TryGetValue(descriptor.Name, out var existing)) return existing.Handle as TtlValueState<T> ?? throw Mismatch(existing, signature);
        return RegisterTtlValue<T, TtlValueState<T>>(descriptor.Name, StateKind.Value, signature, ttl, (raw, policy) => new TtlValueState<T>(raw, policy, descriptor.DefaultValue));
    }

    /// <inheritdoc />
    public IValueState<T> GetInternalState<T>(ValueStateDescriptor<T> descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (!descriptor.Name.StartsWith(InternalStateNames.Prefix, StringComparison.Ordinal))
            throw new ArgumentException($"Internal state names start with '{InternalStateNames.Prefix}'.", nameof(descriptor));
        return ValueState(descriptor);
    }

    private HeapValueState<TKey, T> ValueState<T>(ValueStateDescriptor<T> descriptor)
    {
        var signature = $"ValueState<{Name<T>()}>";
        if (_states.TryGetValue(descriptor.Name, out var existing))
            return existing.Handle as HeapValueState<TKey, T> ?? throw Mismatch(existing, signature);
        var table = new HeapStateTable<TKey, T>(descriptor.Name, StateKind.Value, signature, _keyGroupCount, KeyGroupIndexOf, () => StateCopyPolicies.ForValue<T>(Codecs))
        {
            Migrations = TtlMigrations.FromTtlValue<TKey, T>(descriptor.Name),
        };
        return Register(table, new HeapValueState<TKey, T>(this, table, descriptor.DefaultValue));
    }

    /// <inheritdoc />
    public IListState<T> GetListState<T>(ListStateDescriptor<T> descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        InternalStateNames.RejectReserved(descriptor.Name);
        if (descriptor.Ttl is { } ttl) return TtlList(descriptor, ttl);
        var signature = $"ListState<{Name<T>()}>";
        if (_states.TryGetValue(descriptor.Name, out var existing))
            return existing.Handle as HeapListState<TKey, T> ?? throw Mismatch(existing, signature);
        var table = new HeapStateTable<TKey, List<T>>(descriptor.Name, StateKind.List, signature, _keyGroupCount, KeyGroupIndexOf, () => StateCopyPolicies.ForList<T>(Codecs))
        {
            Migrations = TtlMigrations.FromTtlList<TKey, T>(descriptor.Name),
        };
        return Register(table, new HeapListState<TKey, T>(this, table));
    }

    /// <inheritdoc />
    public IMapState<TUserKey, TValue> GetMapState<TUserKey, TValue>(MapStateDescriptor<TUserKey, TValue> descriptor) where TUserKey : notnull
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        InternalStateNames.RejectReserved(descriptor.Name);
        if (descriptor.Ttl is { } ttl) return TtlMap(descriptor, ttl);
        var signature = $"MapState<{Name<TUserKey>()}, {Name<TValue>()}>";
        if (_states.TryGetValue(descriptor.Name, out var existing))
            return existing.Handle as HeapMapState<TKey, TUserKey, TValue> ?? throw Mismatch(existing, signature);
        var table = new HeapStateTable<TKey, Dictionary<TUserKey, TValue>>(
            descriptor.Name, StateKind.Map, signature, _keyGroupCount, KeyGroupIndexOf, () => StateCopyPolicies.ForMap<TUserKey, TValue>(Codecs))
        {
            Migrations = TtlMigrations.FromTtlMap<TKey, TUserKey, TValue>(descriptor.Name),
        };
        return Register(table, new HeapMapState<TKey, TUserKey, TValue>(this, table));
    }

    /// <inheritdoc />
    public IReducingState<T> GetReducingState<T>(ReducingStateDescriptor<T> descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        InternalStateNames.RejectReserved(descriptor.Name);
        var signature = $"ReducingState<{Name<T>()}>";
        if (descriptor.Ttl is { } ttl)
        {
            signature += " with time to live";
            if (_states.TryGetValue(descriptor.Name, out var known)) return known.Handle as TtlReducingState<T> ?? throw Mismatch(known, signature);
            return RegisterTtlValue<T, TtlReducingState<T>>(descriptor.Name, StateKind.Reducing, signature, ttl, (raw, policy) => new TtlReducingState<T>(raw, policy, descriptor.Reduce));
        }
        if (_states.TryGetValue(descriptor.Name, out var existing))
            return existing.Handle as HeapReducingState<TKey, T> ?? throw Mismatch(existing, signature);
        var table = new HeapStateTable<TKey, T>(descriptor.Name, StateKind.Reducing, signature, _keyGroupCount, KeyGroupIndexOf, () => StateCopyPolicies.ForValue<T>(Codecs))
        {
            Migrations = TtlMigrations.FromTtlValue<TKey, T>(descriptor.Name),
        };
        return Register(table, new HeapReducingState<TKey, T>(this, table, descriptor.Reduce));
    }

    /// <inheritdoc />
    public IAggregatingState<TIn, TOut> GetAggregatingState<TIn, TAcc, TOut>(AggregatingStateDescriptor<TIn, TAcc, TOut> descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        InternalStateNames.RejectReserved(descriptor.Name);
        var signature = $"AggregatingState<{Name<TIn>()}, {Name<TAcc>()}, {Name<TOut>()}>";
        if (descriptor.Ttl is { } ttl)
        {
            signature += " with time to live";
            if (_states.TryGetValue(descriptor.Name, out var known)) return known.Handle as TtlAggregatingState<TIn, TAcc, TOut> ?? throw Mismatch(known, signature);
            return RegisterTtlValue<TAcc, TtlAggregatingState<TIn, TAcc, TOut>>(
                descriptor.Name, StateKind.Aggregating, signature, ttl, (raw, policy) => new TtlAggregatingState<TIn, TAcc, TOut>(raw, policy, descriptor.Function));
        }
        if (_states.TryGetValue(descriptor.Name, out var existing))
            return existing.Handle as HeapAggregatingState<TKey, TIn, TAcc, TOut> ?? throw Mismatch(existing, signature);
        var table = new HeapStateTable<TKey, TAcc>(
            descriptor.Name, StateKind.Aggregating, signature, _keyGroupCount, KeyGroupIndexOf, () => StateCopyPolicies.ForValue<TAcc>(Codecs))
        {
            Migrations = TtlMigrations.FromTtlValue<TKey, TAcc>(descriptor.Name),
        };
        return Register(table, new HeapAggregatingState<TKey, TIn, TAcc, TOut>(this, table, descriptor.Function));
    }

    /// <summary>
    /// Registers a value-like state with time to live (value, reducing, aggregating): a table of
    /// <see cref="TtlValue{T}"/> of <paramref name="kind"/>, with the migration from values stored without TTL, the
    /// cleanup on full snapshot and the incremental cleanup its config asks for; <paramref name="create"/> wraps the raw
    /// handle.
    /// </summary>
    private THandle RegisterTtlValue<T, THandle>(
        string name, StateKind kind, string signature, StateTtlConfig ttl, Func<HeapValueState<TKey, TtlValue<T>>, TtlPolicy, THandle> create) where THandle : IState
    {
        var policy = new TtlPolicy(ttl, _now);
        var table = new HeapStateTable<TKey, TtlValue<T>>(name, kind, signature, _keyGroupCount, KeyGroupIndexOf, () => StateCopyPolicies.ForValue<TtlValue<T>>(Codecs))
        {
            Migrations = TtlMigrations.IntoTtlValue<TKey, T>(name, _now),
            SnapshotFilter = SnapshotFilterOf<TtlValue<T>>(ttl, (v, now) => TtlCompaction.Value(v, now, policy.TtlMs)),
        };
        AddIncrementalCleanup(table, policy, (v, now) => TtlCompaction.Value(v, now, policy.TtlMs));
        return Register(table, create(new HeapValueState<TKey, TtlValue<T>>(this, table, default), policy));
    }

    private IListState<T> TtlList<T>(ListStateDescriptor<T> descriptor, StateTtlConfig ttl)
    {
        var signature = $"ListState<{Name<T>()}> with time to live";
        if (_states.TryGetValue(descriptor.Name, out var existing)) return existing.Handle as TtlListState<T> ?? throw Mismatch(existing, signature);
        var policy = new TtlPolicy(ttl, _now);
        var table = new HeapStateTable<TKey, List<TtlValue<T>>>(
            descriptor.Name, StateKind.List, signature, _keyGroupCount, KeyGroupIndexOf, () => StateCopyPolicies.ForList<TtlValue<T>>(Codecs))
        {
            Migrations = TtlMigrations.IntoTtlList<TKey, T>(descriptor.Name, _now),
            SnapshotFilter = SnapshotFilterOf<List<TtlValue<T>>>(ttl, (v, now) => TtlCompaction.List(v, now, policy.TtlMs)),
        };
        AddIncrementalCleanup(table, policy, (v, now) => TtlCompaction.List(v, now, policy.TtlMs));
        return Register(table, new TtlListState<T>(new HeapListState<TKey, TtlValue<T>>(this, table), policy));
    }

    private IMapState<TUserKey, TValue> TtlMap<TUserKey, TValue>(MapStateDescriptor<TUserKey, TValue> descriptor, StateTtlConfig ttl) where TUserKey : notnull
    {
        var signature = $"MapState<{Name<TUserKey>()}, {Name<TValue>()}> with time to live";
        if (_states.TryGetValue(descriptor.Name, out var existing)) return existing.Handle as TtlMapState<TUserKey, TValue> ?? throw Mismatch(existing, signature);
        var policy = new TtlPolicy(ttl, _now);
        var table = new HeapStateTable<TKey, Dictionary<TUserKey, TtlValue<TValue>>>(
            descriptor.Name, StateKind.Map, signature, _keyGroupCount, KeyGroupIndexOf, () => StateCopyPolicies.ForMap<TUserKey, TtlValue<TValue>>(Codecs))
        {
            Migrations = TtlMigrations.IntoTtlMap<TKey, TUserKey, TValue>(descriptor.Name, _now),
            SnapshotFilter = SnapshotFilterOf<Dictionary<TUserKey, TtlValue<TValue>>>(ttl, (v, now) => TtlCompaction.Map(v, now, policy.TtlMs)),
        };
        AddIncrementalCleanup(table, policy, (v, now) => TtlCompaction.Map(v, now, policy.TtlMs));
        return Register(table, new TtlMapState<TUserKey, TValue>(new HeapMapState<TKey, TUserKey, TtlValue<TValue>>(this, table), policy));
    }

    /// <summary>The cleanup on full snapshot: the snapshot time is read in the synchronous phase, the filter runs during the write.</summary>
    private Func<Func<TStored, (bool Keep, TStored Value)>>? SnapshotFilterOf<TStored>(StateTtlConfig ttl, Func<TStored, long, (bool Keep, TStored Value)> compact) =>
        ttl.CleanupFullSnapshot
            ? () =>
            {
                var now = _now();
                return v => compact(v, now);
            }
            : null;

    private void AddIncrementalCleanup<TStored>(HeapStateTable<TKey, TStored> table, TtlPolicy policy, Func<TStored, long, (bool Keep, TStored Value)> compact)
    {
        if (policy.Config.CleanupIncrementally == 0) return;
        policy.Cleanup = new TtlIncrementalCleanup<TKey, TStored>(table.Map, policy.Config.CleanupIncrementally, _now, compact).Step;
    }

    /// <inheritdoc />
    public bool HasState(string stateName) => _states.ContainsKey(stateName) || _restored.ContainsKey(stateName);

    /// <inheritdoc />
    public void ApplyToAllKeys(string stateName, Action<TKey> action)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        ArgumentNullException.ThrowIfNull(action);
        var keys = new List<(TKey Key, int KeyGroupIndex)>();
        if (_states.TryGetValue(stateName, out var table)) table.CollectKeys(keys);
        else if (_restored.TryGetValue(stateName, out var restored)) restored.CollectKeys(_serializer, keys);
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
    public IKeyedStateSnapshot BeginSnapshot(KeyGroupRange range)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ReleaseFinishedSnapshots();
        var written = range.Intersect(KeyGroupRange);

        var names = new List<string>(_states.Count + _restored.Count);
        names.AddRange(_states.Keys);
        names.AddRange(_restored.Keys);
        names.Sort(StringComparer.Ordinal);
        var keyTypeName = KeyedStateSnapshotFormat.FormatTypeName(typeof(TKey));
        var metadata = new SnapshotStateMetadata[names.Count];
        var tables = new StateTable<TKey>?[names.Count];
        var restored = new RestoredState?[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            if (_states.TryGetValue(names[i], out var table))
            {
                tables[i] = table;
                metadata[i] = new SnapshotStateMetadata(table.Name, table.Kind, keyTypeName, table.ValueTypeName);
                table.PrepareFreeze();
            }
            else
            {
                restored[i] = _restored[names[i]];
                metadata[i] = restored[i]!.Metadata;
            }
        }

        // Nothing below fails: every table is frozen, or (above) none.
        var frozen = Array.ConvertAll(tables, table => table?.Freeze());
        var snapshot = new HeapKeyedStateSnapshot(
            MaxParallelism, written, written.StartKeyGroup - _firstKeyGroup, metadata, frozen, restored, _serializer, ReleaseFinishedSnapshots);
        _inFlight.Add(snapshot);
        return snapshot;
    }

    /// <summary>Snapshots in flight (not yet released), for tests.</summary>
    internal int SnapshotsInFlight => _inFlight.Count;

    /// <summary>
    /// Forgets the snapshots in flight without merging them: their writes may still run and complete, reading layers
    /// that nothing changes any more. The state stays readable; no snapshot can be taken after.
    /// </summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var snapshot in _inFlight) snapshot.Abandon();
        _inFlight.Clear();
    }

    /// <inheritdoc />
    public void Restore(Stream input, KeyGroupRange range, Checkpointing.StateFileSectionChecksums? checksums = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!input.CanRead || !input.CanSeek) throw new ArgumentException("The snapshot stream must be readable and seekable.", nameof(input));

        // 1. Read and validate everything that is needed; nothing changes yet.
        var snapshot = KeyedStateSnapshotReader.Read(input, MaxParallelism, range.Intersect(KeyGroupRange), checksums);

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
                if (chunks.Count > 0) apply.Add(table.PrepareRestore(chunks, _serializer, metadata.ValueTypeName));
            }
            else if (_restored.TryGetValue(metadata.Name, out var restored))
            {
                if (restored.Metadata.Kind != metadata.Kind)
                    throw new InvalidDataException($"State '{metadata.Name}' is a {metadata.Kind} state in the snapshot but was restored as a {restored.Metadata.Kind} state from another one.");
                apply.Add(() => _restored[metadata.Name] = restored.WithChunks(chunks, _firstKeyGroup));
            }
            else
            {
                apply.Add(() => _restored.Add(metadata.Name, RestoredState.Empty(metadata, _keyGroupCount).WithChunks(chunks, _firstKeyGroup)));
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

    private static InvalidOperationException Mismatch(StateTable<TKey> existing, string requested) =>
        new($"State '{existing.Name}' is already registered as {existing.Signature}; it cannot also be used as {requested}. A state name must keep its kind and types.");

    /// <inheritdoc />
    public ISliceState<TKey, TAcc> GetSliceState<TAcc>(string name, Func<long, long, long> nextFire)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(nextFire);
        var signature = $"ValueState<{Name<Api.Windowing.SliceBuffer<TAcc>>()}>"; // the per-key layout's: snapshots are the same
        if (_states.TryGetValue(name, out var existing)) return existing.Handle as ISliceState<TKey, TAcc> ?? throw Mismatch(existing, signature);
        var table = new Sliced.SlicedStateTable<TKey, TAcc>(name, signature, this, _keyGroupCount, KeyGroupIndexOf, () => StateCopyPolicies.ForValue<TAcc>(Codecs), nextFire);
        return Register(table, table);
    }

    private THandle Register<THandle>(StateTable<TKey> table, THandle handle) where THandle : IState
    {
        if (_restored.TryGetValue(table.Name, out var restored))
        {
            if (restored.Metadata.Kind != table.Kind)
                throw new InvalidOperationException(
                    $"State '{table.Name}' was restored as a {restored.Metadata.Kind} state (of {restored.Metadata.ValueTypeName}); it cannot be used as {table.Signature}.");
            table.PrepareRestore(restored.AllChunks(), _serializer, restored.Metadata.ValueTypeName)();
            _restored.Remove(table.Name);
        }
        table.Handle = handle;
        _states.Add(table.Name, table);
        return handle;
    }

    /// <summary>Releases (merges back) every disposed snapshot whose write is not running.</summary>
    private void ReleaseFinishedSnapshots()
    {
        if (_disposed) return;
        for (var i = _inFlight.Count - 1; i >= 0; i--)
        {
            if (!_inFlight[i].IsReleasable) continue;
            _inFlight[i].Release();
            _inFlight.RemoveAt(i);
        }
    }

    private CodecProvider Codecs => _serializer.SessionPool.CodecProvider;

    private int KeyGroupIndexOf(TKey key) => _assigner.KeyGroupOf(key) - _firstKeyGroup;

    private static string Name<T>() => KeyedStateSnapshotFormat.FormatTypeName(typeof(T));

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowKeyGroupOutOfRange(int keyGroup) =>
        throw new ArgumentOutOfRangeException(nameof(keyGroup), keyGroup, $"Key group {keyGroup} is not in this backend's range {KeyGroupRange}.");
}
