using Orleans.Serialization;

namespace OrleansFlow.State.Ttl;

/// <summary>
/// Decoders that read a state stored with time to live into one without it, and the other way round, so that turning
/// TTL on or off across a savepoint restores without error: a value read into a TTL state gets the restore time as its
/// last access; a value read into a state without TTL drops its timestamp.
/// </summary>
internal static class TtlMigrations
{
    public static Func<RestoredStateChunk, Serializer, (TKey[] Keys, TValue[] Values)> Convert<TKey, TStored, TValue>(string stateName, Func<TStored, TValue> convert) =>
        (chunk, serializer) =>
        {
            var (keys, stored) = RestoredStateChunkDecoder.Decode<TKey, TStored>(chunk, serializer, stateName, KeyedStateSnapshotFormat.FormatTypeName(typeof(TStored)));
            return (keys, Array.ConvertAll(stored, s => convert(s)));
        };

    /// <summary>For a value-like state of <typeparamref name="T"/> (value, reducing, aggregating accumulator).</summary>
    public static IReadOnlyDictionary<string, Func<RestoredStateChunk, Serializer, (TKey[], TtlValue<T>[])>> IntoTtlValue<TKey, T>(string name, Func<long> now) =>
        new Dictionary<string, Func<RestoredStateChunk, Serializer, (TKey[], TtlValue<T>[])>>
        {
            [Name<T>()] = Convert<TKey, T, TtlValue<T>>(name, v => new TtlValue<T>(v, now())),
        };

    public static IReadOnlyDictionary<string, Func<RestoredStateChunk, Serializer, (TKey[], T[])>> FromTtlValue<TKey, T>(string name) =>
        new Dictionary<string, Func<RestoredStateChunk, Serializer, (TKey[], T[])>>
        {
            [Name<TtlValue<T>>()] = Convert<TKey, TtlValue<T>, T>(name, v => v.Value),
        };

    public static IReadOnlyDictionary<string, Func<RestoredStateChunk, Serializer, (TKey[], List<TtlValue<T>>[])>> IntoTtlList<TKey, T>(string name, Func<long> now) =>
        new Dictionary<string, Func<RestoredStateChunk, Serializer, (TKey[], List<TtlValue<T>>[])>>
        {
            [Name<List<T>>()] = Convert<TKey, List<T>, List<TtlValue<T>>>(name, list => { var at = now(); return list.ConvertAll(v => new TtlValue<T>(v, at)); }),
        };

    public static IReadOnlyDictionary<string, Func<RestoredStateChunk, Serializer, (TKey[], List<T>[])>> FromTtlList<TKey, T>(string name) =>
        new Dictionary<string, Func<RestoredStateChunk, Serializer, (TKey[], List<T>[])>>
        {
            [Name<List<TtlValue<T>>>()] = Convert<TKey, List<TtlValue<T>>, List<T>>(name, list => list.ConvertAll(v => v.Value)),
        };

    public static IReadOnlyDictionary<string, Func<RestoredStateChunk, Serializer, (TKey[], Dictionary<TUserKey, TtlValue<TValue>>[])>> IntoTtlMap<TKey, TUserKey, TValue>(
        string name, Func<long> now) where TUserKey : notnull =>
        new Dictionary<string, Func<RestoredStateChunk, Serializer, (TKey[], Dictionary<TUserKey, TtlValue<TValue>>[])>>
        {
            [Name<Dictionary<TUserKey, TValue>>()] = Convert<TKey, Dictionary<TUserKey, TValue>, Dictionary<TUserKey, TtlValue<TValue>>>(name, map =>
            {
                var at = now();
                return map.ToDictionary(e => e.Key, e => new TtlValue<TValue>(e.Value, at), map.Comparer);
            }),
        };

    public static IReadOnlyDictionary<string, Func<RestoredStateChunk, Serializer, (TKey[], Dictionary<TUserKey, TValue>[])>> FromTtlMap<TKey, TUserKey, TValue>(string name)
        where TUserKey : notnull =>
        new Dictionary<string, Func<RestoredStateChunk, Serializer, (TKey[], Dictionary<TUserKey, TValue>[])>>
        {
            [Name<Dictionary<TUserKey, TtlValue<TValue>>>()] = Convert<TKey, Dictionary<TUserKey, TtlValue<TValue>>, Dictionary<TUserKey, TValue>>(
                name, map => map.ToDictionary(e => e.Key, e => e.Value.Value, map.Comparer)),
        };

    private static string Name<T>() => KeyedStateSnapshotFormat.FormatTypeName(typeof(T));
}
