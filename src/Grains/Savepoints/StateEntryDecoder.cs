using System.Collections;
using System.Reflection;
using Orleans.Serialization;
using OrleansFlow.State;

namespace OrleansFlow.Savepoints;

/// <summary>
/// Finds one key's value in serialized state chunks whose types are known only at run time: each chunk's keys and
/// values are <c>TKey[]</c> and <c>TValue[]</c> written with Orleans' serializer, read back as
/// <c>HeapStateTable.PrepareRestore</c> reads them (<c>serializer.Deserialize&lt;TKey[]&gt;</c>), through a generic
/// method closed over the resolved types. As on restore, a later chunk wins on an equal key, and a null value or an empty
/// collection is skipped (never stored).
/// </summary>
internal static class StateEntryDecoder
{
    private static readonly MethodInfo FindTypedMethod =
        typeof(StateEntryDecoder).GetMethod(nameof(FindTyped), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>
    /// Whether <paramref name="key"/> (of <paramref name="keyType"/>) has a value in <paramref name="chunks"/>; throws
    /// <see cref="InvalidDataException"/> naming the state and key group when a chunk does not read as those types.
    /// </summary>
    public static bool TryFindValue(
        Serializer serializer, Type keyType, Type valueType, IReadOnlyList<RestoredStateChunk> chunks, string stateName, object key, out object? value)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(key);
        if (!keyType.IsInstanceOfType(key)) throw new ArgumentException($"The key is a {key.GetType()}, not a {keyType}.", nameof(key));
        var method = FindTypedMethod.MakeGenericMethod(keyType, valueType);
        value = method.Invoke(null, BindingFlags.DoNotWrapExceptions, binder: null, [serializer, chunks, stateName, key], culture: null);
        return value is not null;
    }

    private static object? FindTyped<TKey, TValue>(Serializer serializer, IReadOnlyList<RestoredStateChunk> chunks, string stateName, object key)
    {
        var wanted = (TKey)key;
        var comparer = EqualityComparer<TKey>.Default;
        object? found = null;
        foreach (var chunk in chunks)
        {
            var (keys, values) = RestoredStateChunkDecoder.Decode<TKey, TValue>(
                chunk, serializer, stateName, $"values of type {KeyedStateSnapshotFormat.FormatTypeName(typeof(TValue))}");
            for (var i = 0; i < keys.Length; i++)
            {
                if (!comparer.Equals(keys[i], wanted)) continue;
                var value = values[i];
                if (value is null || value is ICollection { Count: 0 }) continue; // as on restore: never stored
                found = value;
            }
        }
        return found;
    }
}
