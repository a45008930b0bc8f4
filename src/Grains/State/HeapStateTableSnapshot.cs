using Orleans.Serialization;

namespace OrleansFlow.State;

/// <summary>
/// A <see cref="StateTableSnapshot"/> of a heap table: entries that no longer change (a frozen
/// <see cref="StateMapSnapshot{TKey, TValue}"/>'s, or captured slices seen per key), grouped by key group off the owner thread into exact-size key and value
/// arrays (the references only: about 2 × 8 bytes per entry for reference types), each dropped once written. A key group
/// is written as records of about <see cref="TargetRecordBytes"/> each (the format allows several per key group and
/// state).
/// </summary>
internal sealed class HeapStateTableSnapshot<TKey, TValue> : StateTableSnapshot where TKey : notnull
{
    private const int CancellationCheckInterval = 1 << 16;
    private const long TargetRecordBytes = 256 << 10;
    private const int MaxBatch = 1 << 16;
    private readonly IEnumerable<KeyValuePair<TKey, TValue>> _entries;
    private readonly Action _release;
    private readonly Func<TKey, int> _keyGroupIndexOf;
    private readonly int _keyGroupCount;
    private readonly string _name;
    private readonly Func<TValue, (bool Keep, TValue Value)>? _filter;
    private TKey[]?[] _keys = [];
    private TValue[]?[] _values = [];
    private int _batch = 64; // until the first record tells the size of an entry

    /// <summary>
    /// Wraps <paramref name="entries"/> (enumerated twice, off the owner thread; each key once), which
    /// <paramref name="release"/> gives back to their table; keys map to key group indexes in [0,
    /// <paramref name="keyGroupCount"/>); <paramref name="filter"/> (pure: it runs twice per entry) drops or rewrites
    /// entries on their way into the snapshot.
    /// </summary>
    public HeapStateTableSnapshot(
        IEnumerable<KeyValuePair<TKey, TValue>> entries, Action release, Func<TKey, int> keyGroupIndexOf, int keyGroupCount, string name,
        Func<TValue, (bool Keep, TValue Value)>? filter = null)
    {
        _filter = filter;
        _entries = entries;
        _release = release;
        _keyGroupIndexOf = keyGroupIndexOf;
        _keyGroupCount = keyGroupCount;
        _name = name;
    }

    /// <inheritdoc />
    public override void GroupByKeyGroup(int firstIndex, int count, CancellationToken cancellationToken)
    {
        var sizes = new int[count];
        var seen = 0;
        foreach (var entry in _entries)
        {
            if (++seen % CancellationCheckInterval == 0) cancellationToken.ThrowIfCancellationRequested();
            var relative = IndexOf(entry.Key) - firstIndex;
            if ((uint)relative < (uint)count && (_filter is null || _filter(entry.Value).Keep)) sizes[relative]++;
        }

        _keys = new TKey[]?[count];
        _values = new TValue[]?[count];
        for (var i = 0; i < count; i++)
        {
            if (sizes[i] == 0) continue;
            _keys[i] = new TKey[sizes[i]];
            _values[i] = new TValue[sizes[i]];
        }
        var filled = new int[count];
        foreach (var entry in _entries)
        {
            if (++seen % CancellationCheckInterval == 0) cancellationToken.ThrowIfCancellationRequested();
            var relative = IndexOf(entry.Key) - firstIndex;
            if ((uint)relative >= (uint)count) continue;
            var value = entry.Value;
            if (_filter is not null)
            {
                var (keep, filtered) = _filter(value);
                if (!keep) continue;
                value = filtered;
            }
            var position = filled[relative]++;
            _keys[relative]![position] = entry.Key;
            _values[relative]![position] = value;
        }
    }

    /// <inheritdoc />
    public override async ValueTask WriteKeyGroupAsync(int relativeIndex, int stateIndex, KeyedStateSnapshotWriter writer, Serializer serializer, CancellationToken cancellationToken)
    {
        if (_keys[relativeIndex] is not { } keys) return;
        var values = _values[relativeIndex]!;
        _keys[relativeIndex] = null;
        _values[relativeIndex] = null;
        if (keys.Length <= _batch)
        {
            WriteBatch(stateIndex, keys, values, writer, serializer);
        }
        else
        {
            for (var start = 0; start < keys.Length;)
            {
                var count = Math.Min(_batch, keys.Length - start);
                WriteBatch(stateIndex, keys[start..(start + count)], values[start..(start + count)], writer, serializer);
                start += count;
                await writer.FlushIfFullAsync(cancellationToken);
            }
        }
    }

    /// <inheritdoc />
    public override void Release()
    {
        _keys = [];
        _values = [];
        _release();
    }

    /// <summary>
    /// Writes one record and sizes the next batch so that a record is about <see cref="TargetRecordBytes"/>: memory stays
    /// a few records whatever the size of a key group, and the writer can hand full buffers to the storage while the
    /// next ones serialize.
    /// </summary>
    private void WriteBatch(int stateIndex, TKey[] keys, TValue[] values, KeyedStateSnapshotWriter writer, Serializer serializer)
    {
        var before = writer.Position;
        writer.WriteRecord(stateIndex, keys, values, serializer);
        var bytesPerEntry = Math.Max(1, (writer.Position - before) / keys.Length);
        _batch = (int)Math.Clamp(TargetRecordBytes / bytesPerEntry, 1, MaxBatch);
    }

    private int IndexOf(TKey key)
    {
        var index = _keyGroupIndexOf(key);
        if ((uint)index >= (uint)_keyGroupCount)
            throw new InvalidOperationException($"State '{_name}' holds key '{key}' whose key group is not this subtask's: the key selector is not deterministic.");
        return index;
    }
}
