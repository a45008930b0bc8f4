using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using OrleansFlow.KeyGroups;
using OrleansFlow.State;

namespace OrleansFlow.Tests.State;

/// <summary>Shared helpers of the keyed state tests.</summary>
internal static class StateTestSupport
{
    private static readonly Lazy<Serializer> SharedSerializer = new(() =>
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>());

    public static Serializer Serializer => SharedSerializer.Value;

    public static HeapKeyedStateBackend<TKey> CreateBackend<TKey>(int start, int end, int maxParallelism = 128) where TKey : notnull =>
        new(new KeyGroupRange(start, end), maxParallelism, Serializer);

    /// <summary>Makes <paramref name="key"/> current with its real key group.</summary>
    public static void Select<TKey>(this HeapKeyedStateBackend<TKey> backend, TKey key) where TKey : notnull =>
        backend.SetCurrentKey(key, KeyGroupAssignment.AssignToKeyGroup(key, backend.MaxParallelism));

    public static int KeyGroupOf<TKey>(TKey key, int maxParallelism = 128) where TKey : notnull =>
        KeyGroupAssignment.AssignToKeyGroup(key, maxParallelism);

    /// <summary>Takes and writes a snapshot at once (begin, write, dispose), as a checkpoint does without records in between.</summary>
    public static KeyedStateSnapshotInfo Snapshot<TKey>(this HeapKeyedStateBackend<TKey> backend, KeyGroupRange range, Stream output) where TKey : notnull
    {
        using var snapshot = backend.BeginSnapshot(range);
        return snapshot.WriteToAsync(output).GetAwaiter().GetResult();
    }

    public static byte[] SnapshotBytes<TKey>(HeapKeyedStateBackend<TKey> backend) where TKey : notnull =>
        SnapshotBytes(backend, backend.KeyGroupRange, out _);

    public static byte[] SnapshotBytes<TKey>(HeapKeyedStateBackend<TKey> backend, KeyGroupRange range, out KeyedStateSnapshotInfo info) where TKey : notnull
    {
        using var stream = new MemoryStream();
        info = backend.Snapshot(range, stream);
        return stream.ToArray();
    }

    /// <summary>The keys of <paramref name="stateName"/> in <paramref name="backend"/>, sorted.</summary>
    public static List<TKey> KeysOf<TKey>(HeapKeyedStateBackend<TKey> backend, string stateName) where TKey : notnull
    {
        var keys = new List<TKey>();
        backend.ApplyToAllKeys(stateName, keys.Add);
        keys.Sort();
        return keys;
    }
}
