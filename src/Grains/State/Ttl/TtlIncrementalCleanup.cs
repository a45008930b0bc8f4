namespace OrleansFlow.State.Ttl;

/// <summary>
/// Flink's incremental cleanup on the heap: each <see cref="Step"/> (one per state access) examines the next
/// <c>count</c> keys of the state in a rolling pass and removes what expired. The pass walks a copy of the keys taken
/// when the previous pass ended, so it never enumerates the map while it changes; keys added since wait for the next
/// pass. Owner thread only.
/// </summary>
internal sealed class TtlIncrementalCleanup<TKey, TStored>(
    CopyOnWriteStateMap<TKey, TStored> map, int count, Func<long> now, Func<TStored, long, (bool Keep, TStored Value)> compact) where TKey : notnull
{
    private TKey[] _keys = [];
    private int _next;

    public void Step()
    {
        var at = now();
        for (var i = 0; i < count; i++)
        {
            if (_next >= _keys.Length)
            {
                _keys = [.. map.VisibleEntries().Select(e => e.Key)];
                _next = 0;
                if (_keys.Length == 0) return;
            }
            var key = _keys[_next++];
            if (!map.TryPeek(key, out var stored)) continue;
            var (keep, value) = compact(stored, at);
            if (!keep) map.Remove(key);
            else if (!typeof(TStored).IsValueType && !ReferenceEquals(value, stored)) map.Set(key, value); // a list or map lost elements
        }
    }
}
