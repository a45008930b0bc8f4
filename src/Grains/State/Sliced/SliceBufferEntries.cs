using System.Collections;
using OrleansFlow.Api.Windowing;

namespace OrleansFlow.State.Sliced;

/// <summary>
/// The captured slices of a <see cref="SlicedStateTable{TKey, TAcc}"/> seen as the per-key layout's entries: each key
/// with its <see cref="SliceBuffer{TAcc}"/> (its slices in order of end, and its next window end). Built once, on the
/// first enumeration (the snapshot's write, off the owner thread), from slices that no longer change.
/// </summary>
internal sealed class SliceBufferEntries<TKey, TAcc>(
    (long End, SliceMap<TKey, TAcc> Slice)[] captured, long firedThrough, IReadOnlyDictionary<TKey, long>? restoredNextFire, Func<long, long, long> nextFire)
    : IEnumerable<KeyValuePair<TKey, SliceBuffer<TAcc>>> where TKey : notnull
{
    private Dictionary<TKey, SliceBuffer<TAcc>>? _perKey;

    public IEnumerator<KeyValuePair<TKey, SliceBuffer<TAcc>>> GetEnumerator() => (_perKey ??= Build()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private Dictionary<TKey, SliceBuffer<TAcc>> Build()
    {
        var perKey = new Dictionary<TKey, SliceBuffer<TAcc>>();
        foreach (var (end, slice) in captured) // in order of end: each insert appends
        {
            foreach (var (key, entry) in slice.Entries)
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(perKey, key, out _).Insert(end, entry.Accumulator);
        }
        foreach (var key in perKey.Keys)
        {
            ref var buffer = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(perKey, key);
            var next = nextFire(buffer.FirstEnd, firedThrough);
            if (restoredNextFire is not null && restoredNextFire.TryGetValue(key, out var restored)) next = Math.Max(next, restored);
            buffer.NextFire = next;
        }
        return perKey;
    }
}
