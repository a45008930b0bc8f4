using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using OrleansFlow.Checkpointing;
using OrleansFlow.KeyGroups;
using OrleansFlow.State;
using OrleansFlow.Storage;

namespace OrleansFlow.Bench.Checkpoints;

/// <summary>
/// The stages of a keyed-state snapshot in one process, without a cluster, on the heap backend holding
/// <c>byte[--payload-bytes]</c> per key (as the checkpoint-duration job): the storage's raw write and read of the
/// snapshot's bytes, the snapshot serialized to <see cref="Stream.Null"/>, the same through the CRC-64 stream, the whole async phase
/// (<see cref="StateFileWriter"/> into the storage, per <c>--storage</c>), reading the file back
/// (<see cref="ICheckpointStorage.OpenReadAsync"/> + <see cref="HeapKeyedStateBackend{TKey}.Restore"/>), and
/// materializing the restored state (the first <c>GetState</c>). Tells which stage limits a checkpoint or a restore.
/// </summary>
internal sealed class SnapshotPipelineBenchmark(BenchStorageFactory storages, TextWriter output)
{
    private static readonly ValueStateDescriptor<byte[]?> Payload = new("payload");

    /// <summary>Runs <paramref name="rounds"/> rounds per state size; returns 0 (it verifies sizes and counts as it goes).</summary>
    public async Task<int> RunAsync(IReadOnlyList<StorageKind> kinds, IReadOnlyList<long> sizes, int payloadBytes, int rounds)
    {
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        output.WriteLine("### snapshot-pipeline (one process, heap backend, one state file, key groups 0–127 of 128)");
        output.WriteLine();
        output.WriteLine("| storage | state | stage | median | MB/s | min–max |");
        output.WriteLine("|---|---:|---|---:|---:|---:|");
        foreach (var kind in kinds)
        {
            await using var bench = await storages.CreateAsync(kind);
            foreach (var size in sizes) await RunAsync(bench.CheckpointStorage, kind.ToString().ToLowerInvariant(), serializer, size, payloadBytes, rounds);
        }
        output.WriteLine();
        return 0;
    }

    private async Task RunAsync(ICheckpointStorage storage, string kind, Serializer serializer, long size, int payloadBytes, int rounds)
    {
        {
            var keys = Math.Max(1, size / (payloadBytes + 12));
            var backend = Fill(serializer, keys, payloadBytes);
            var stages = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            // The snapshot's own bytes, for the raw write: the same bytes through the storage without serializing.
            var serialized = new MemoryStream();
            using (var snapshot = backend.BeginSnapshot(backend.KeyGroupRange)) await snapshot.WriteToAsync(serialized);
            var bytes = serialized.Length;
            var raw = serialized.GetBuffer().AsMemory(0, (int)bytes);
            for (var round = 0; round < rounds; round++)
            {
                using (var snapshot = backend.BeginSnapshot(backend.KeyGroupRange))
                {
                    await Time(stages, "serialize → Stream.Null", () => snapshot.WriteToAsync(Stream.Null));
                }
                using (var snapshot = backend.BeginSnapshot(backend.KeyGroupRange))
                {
                    await Time(stages, "serialize + CRC-64 → Stream.Null", () => snapshot.WriteToAsync(new ChecksummingWriteStream(Stream.Null)));
                }
                // Each write goes to a new path and is deleted after: a thin-provisioned disk writes fresh blocks at
                // another speed than rewritten ones, so both writes see the same kind of blocks.
                await Time(stages, "raw write: ICheckpointStorage.WriteAsync(bytes)", async () =>
                {
                    await storage.WriteAsync($"raw-{round}.bin", raw);
                    return 0;
                });
                await Time(stages, "raw read: ICheckpointStorage.ReadAllAsync", () => storage.ReadAllAsync($"raw-{round}.bin"));
                await storage.DeleteAsync($"raw-{round}.bin");
                using (var snapshot = backend.BeginSnapshot(backend.KeyGroupRange))
                {
                    await Time(stages, "async phase: StateFileWriter → storage", () => StateFileWriter.WriteAsync(storage, $"state-{round}.bin", snapshot));
                }
                var restored = new HeapKeyedStateBackend<long>(backend.KeyGroupRange, backend.MaxParallelism, serializer);
                await Time(stages, "restore: open + read + parse sections", async () =>
                {
                    await using var input = (await storage.OpenReadAsync($"state-{round}.bin"))!;
                    restored.Restore(input, restored.KeyGroupRange);
                    return 0;
                });
                await Time(stages, "restore: materialize (first GetState)", () => Task.FromResult(restored.GetState(Payload)));
                Check(restored, keys, payloadBytes);
                await storage.DeleteAsync($"state-{round}.bin");
            }
            foreach (var (stage, samples) in stages)
            {
                samples.Sort();
                var median = samples[samples.Count / 2];
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {kind} | {ByteSize.Format(bytes)} | {stage} | {median:0.0} ms | {bytes / 1e3 / median:0} | {samples[0]:0.0}–{samples[^1]:0.0} ms |"));
            }
            backend.Dispose();
            GC.Collect();
        }
    }

    private static HeapKeyedStateBackend<long> Fill(Serializer serializer, long keys, int payloadBytes)
    {
        var backend = new HeapKeyedStateBackend<long>(new KeyGroupRange(0, 127), 128, serializer);
        var state = backend.GetState(Payload);
        for (long key = 0; key < keys; key++)
        {
            backend.SetCurrentKey(key, KeyGroupAssignment.AssignToKeyGroup(key, 128));
            var bytes = GC.AllocateUninitializedArray<byte>(payloadBytes);
            bytes.AsSpan().Fill((byte)(key * 31 + 7));
            state.Update(bytes);
        }
        return backend;
    }

    private static void Check(HeapKeyedStateBackend<long> restored, long keys, int payloadBytes)
    {
        var state = restored.GetState(Payload);
        foreach (var key in new[] { 0L, keys / 2, keys - 1 })
        {
            restored.SetCurrentKey(key, KeyGroupAssignment.AssignToKeyGroup(key, 128));
            if (state.Value is not { } value || value.Length != payloadBytes || value[0] != (byte)(key * 31 + 7))
                throw new InvalidOperationException($"snapshot-pipeline: key {key} did not restore.");
        }
    }

    private static async Task<T> Time<T>(Dictionary<string, List<double>> stages, string stage, Func<Task<T>> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var watch = Stopwatch.StartNew();
        var result = await action();
        watch.Stop();
        if (!stages.TryGetValue(stage, out var samples)) stages[stage] = samples = [];
        samples.Add(watch.Elapsed.TotalMilliseconds);
        return result;
    }
}
