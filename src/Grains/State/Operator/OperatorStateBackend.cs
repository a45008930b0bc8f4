using Orleans.Serialization;
using OrleansFlow.Checkpointing;

namespace OrleansFlow.State;

/// <summary>
/// The operator (non-keyed) states of one operator in one subtask, on the heap (Flink's
/// <c>DefaultOperatorStateBackend</c>). Protocol, on the task's turn: <see cref="Restore"/> (when deployed from a
/// snapshot) before anything registers a state, then registrations and use, and <see cref="Snapshot"/> at each
/// checkpoint's barrier. Restored states are typed at once (their type names resolve among the loaded assemblies), so a
/// state the function does not register again is still written by the next snapshot.
/// </summary>
internal sealed class OperatorStateBackend(Serializer serializer, string operatorUid) : IOperatorStateStore
{
    private static readonly SnapshotTypeResolver Types = new();
    private readonly Dictionary<string, IOperatorStateEntry> _states = new(StringComparer.Ordinal);

    /// <summary>Whether <see cref="Restore"/> ran.</summary>
    public bool IsRestored { get; private set; }

    public IReadOnlyCollection<string> StateNames => _states.Keys;

    /// <summary>The state named <paramref name="name"/>, registered or restored (for inspection).</summary>
    public IOperatorStateEntry? Find(string name) => _states.GetValueOrDefault(name);

    public IListState<T> GetListState<T>(ListStateDescriptor<T> descriptor) => GetList(descriptor, OperatorStateMode.SplitDistribute);

    public IListState<T> GetUnionListState<T>(ListStateDescriptor<T> descriptor) => GetList(descriptor, OperatorStateMode.Union);

    public IBroadcastState<TKey, TValue> GetBroadcastState<TKey, TValue>(MapStateDescriptor<TKey, TValue> descriptor) where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (!_states.TryGetValue(descriptor.Name, out var entry)) _states[descriptor.Name] = entry = new HeapBroadcastState<TKey, TValue>(descriptor.Name);
        return entry as IBroadcastState<TKey, TValue> ?? throw Mismatch(entry, OperatorStateMode.Broadcast, typeof(TKey), typeof(TValue));
    }

    /// <summary>
    /// Adds restored shares: per state, elements <c>[skip, skip + take)</c> of its payload in a parsed operator-state
    /// file (several shares of one state append in the order given). Marks the backend restored, also when
    /// <paramref name="shares"/> is empty. Throws <see cref="InvalidDataException"/> when a type cannot be loaded or a
    /// state is restored with two kinds or types.
    /// </summary>
    public void Restore(IEnumerable<(OperatorStateEntryInfo Info, ReadOnlyMemory<byte> Payload, int Skip, int Take)> shares)
    {
        ArgumentNullException.ThrowIfNull(shares);
        IsRestored = true;
        foreach (var (info, payload, skip, take) in shares)
        {
            if (!_states.TryGetValue(info.Name, out var entry)) _states[info.Name] = entry = Create(info);
            else if (entry.Mode != info.Mode || Name(entry.ValueType) != info.ValueTypeName || (entry.KeyType is { } k ? Name(k) : null) != info.KeyTypeName)
                throw new InvalidDataException($"Operator state '{info.Name}' of '{operatorUid}' is restored from files that disagree on its kind or types.");
            entry.AddRestored(serializer, payload, skip, take);
        }
    }

    /// <summary>
    /// The synchronous phase of a checkpoint: every state serialized now (operator state is small by contract, and bytes
    /// cannot change under the asynchronous write), in ordinal name order; null when the operator has no state.
    /// </summary>
    public (byte[] Bytes, IReadOnlyList<OperatorStateEntryInfo> States)? Snapshot(bool includeBroadcast)
    {
        var entries = _states.Values.Where(e => includeBroadcast || e.Mode != OperatorStateMode.Broadcast).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        return entries.Count == 0 ? null : OperatorStateSnapshotFormat.Write(serializer, entries);
    }

    private HeapOperatorListState<T> GetList<T>(ListStateDescriptor<T> descriptor, OperatorStateMode mode)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (!_states.TryGetValue(descriptor.Name, out var entry)) _states[descriptor.Name] = entry = new HeapOperatorListState<T>(descriptor.Name, mode);
        return entry is HeapOperatorListState<T> list && list.Mode == mode ? list : throw Mismatch(entry, mode, null, typeof(T));
    }

    private InvalidOperationException Mismatch(IOperatorStateEntry known, OperatorStateMode mode, Type? keyType, Type valueType) =>
        new($"Operator state '{known.Name}' of '{operatorUid}' is {Describe(known.Mode, known.KeyType, known.ValueType)}; it was asked for as {Describe(mode, keyType, valueType)}. A state name belongs to one kind and type.");

    private static string Describe(OperatorStateMode mode, Type? keyType, Type valueType) => mode switch
    {
        OperatorStateMode.Broadcast => $"a broadcast state of {Name(keyType!)} → {Name(valueType)}",
        OperatorStateMode.Union => $"a union list state of {Name(valueType)}",
        _ => $"a list state of {Name(valueType)}",
    };

    private static string Name(Type type) => State.KeyedStateSnapshotFormat.FormatTypeName(type);

    private IOperatorStateEntry Create(OperatorStateEntryInfo info)
    {
        var valueType = Resolve(info, info.ValueTypeName);
        var type = info.Mode == OperatorStateMode.Broadcast
            ? typeof(HeapBroadcastState<,>).MakeGenericType(Resolve(info, info.KeyTypeName ?? throw new InvalidDataException($"Broadcast state '{info.Name}' has no key type.")), valueType)
            : typeof(HeapOperatorListState<>).MakeGenericType(valueType);
        object[] arguments = info.Mode == OperatorStateMode.Broadcast ? [info.Name] : [info.Name, info.Mode];
        return (IOperatorStateEntry)Activator.CreateInstance(type, arguments)!;
    }

    private Type Resolve(OperatorStateEntryInfo info, string typeName) =>
        Types.TryResolve(typeName, out var type, out var problem)
            ? type
            : throw new InvalidDataException($"Operator state '{info.Name}' of '{operatorUid}' holds {typeName}, which cannot be loaded: {problem}.");
}
