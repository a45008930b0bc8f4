using OrleansFlow.State;

namespace OrleansFlow.Api;

/// <summary>
/// The broadcast states a broadcast stream declared, bound to the operator's state store in
/// <see cref="ICheckpointedFunction.InitializeState"/>: asking for an undeclared one throws; the read-only side gets a
/// view that cannot be cast back to a writable state. On the task's turn.
/// </summary>
internal sealed class DeclaredBroadcastStates(IReadOnlyList<StateDescriptor> declared)
{
    private readonly Dictionary<string, object> _views = new(StringComparer.Ordinal);
    private IOperatorStateStore? _store;

    public void Bind(IOperatorStateStore store) => _store = store;

    public IBroadcastState<TKey, TValue> Get<TKey, TValue>(MapStateDescriptor<TKey, TValue> descriptor) where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (!declared.Any(d => d.Name == descriptor.Name))
            throw new InvalidOperationException(
                $"Broadcast state '{descriptor.Name}' was not declared by the broadcast stream (declared: {string.Join(", ", declared.Select(d => d.Name))}); pass its descriptor to Broadcast(...).");
        var store = _store ?? throw new InvalidOperationException("Broadcast state is available once the subtask started (from Open on).");
        return store.GetBroadcastState(descriptor);
    }

    public IReadOnlyBroadcastState<TKey, TValue> ReadOnly<TKey, TValue>(MapStateDescriptor<TKey, TValue> descriptor) where TKey : notnull
    {
        var state = Get(descriptor);
        if (_views.TryGetValue(descriptor.Name, out var view) && view is ReadOnlyView<TKey, TValue> typed) return typed;
        var created = new ReadOnlyView<TKey, TValue>(state);
        _views[descriptor.Name] = created;
        return created;
    }

    private sealed class ReadOnlyView<TKey, TValue>(IReadOnlyBroadcastState<TKey, TValue> state) : IReadOnlyBroadcastState<TKey, TValue> where TKey : notnull
    {
        public bool TryGetValue(TKey key, out TValue value) => state.TryGetValue(key, out value);

        public bool Contains(TKey key) => state.Contains(key);

        public IEnumerable<KeyValuePair<TKey, TValue>> Entries() => state.Entries();

        public int Count => state.Count;
    }
}
