using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using OrleansFlow.Api;
using OrleansFlow.BuiltIn;
using OrleansFlow.Channels;
using OrleansFlow.Connectors;
using OrleansFlow.KeyGroups;
using OrleansFlow.Operators;
using OrleansFlow.State;
using OrleansFlow.Tasks;

namespace OrleansFlow.Bench;

/// <summary>
/// The engine's per-record path with no grain in between, on one thread: generator source → key-group partitioner →
/// batch buffers → input loop → keyed process function with a heap ValueState. The gap between this row and the
/// orleansflow rows is the cost of moving batches between grains.
/// </summary>
public sealed class EngineDirectBenchmark : IBenchmark
{
    public string Name => "engine-direct";

    public Task<BenchmarkResult> RunAsync(BenchOptions options)
    {
        const int maxParallelism = 128;
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        var backend = new HeapKeyedStateBackend<long>(new KeyGroupRange(0, maxParallelism - 1), maxParallelism, serializer);
        var function = new KeyedSumFunction();
        var op = new KeyedProcessOperator<long, KeyedSumEvent, KeyedSumEvent>(
            e => e.Key, function, backend, new OperatorContext("sum", 0, 1, maxParallelism, backend), DiscardingOutput<KeyedSumEvent>.Instance,
            new OrleansFlow.Timers.ProcessingTimeService(TimeProvider.System, _ => { }))
        {
            OperatorState = new FunctionOperatorState(function, new OperatorStateBackend(serializer, "sum"), backend, 0),
        };
        op.Open();
        var dispatcher = new InputDispatcher<KeyedSumEvent>(op);
        var target = new DirectTaskGrain(dispatcher);
        var writer = new RecordWriter<KeyedSumEvent>(
            new KeyGroupChannelSelector<KeyedSumEvent, long>(e => e.Key, maxParallelism, 1),
            [new ChannelSender(target, new TaskId("bench", 1, 0), 1, 0, 0, 4)], 4096);
        var keys = options.Keys;
        var reader = new GeneratorSource<KeyedSumEvent>(options.Events, i => new KeyedSumEvent(i % keys, i)).CreateReader(SourceSplitAssignment.SplitsOf(GeneratorSource<KeyedSumEvent>.DefaultSplits, 1, 0), TimeProvider.System);

        var watch = Stopwatch.StartNew();
        while (reader.Poll(writer, 4096) != SourceReaderStatus.EndOfInput) { }
        writer.FlushAll();
        watch.Stop();

        long total = 0;
        backend.ApplyToAllKeys("sum", _ => total += function.Sum);
        KeyedSumVerifier.VerifyTotal(Name, total, options.Events);
        return Task.FromResult(new BenchmarkResult(Name, options.Events, watch.Elapsed.TotalSeconds));
    }

    private sealed class DirectTaskGrain(IInputDispatcher dispatcher) : ITaskGrain
    {
        public Task Deliver(ChannelBatch batch)
        {
            var position = 0;
            dispatcher.Process(batch.Payload, 0, ref position);
            return Task.CompletedTask;
        }

        public Task Deploy(TaskDeployment deployment) => throw new NotSupportedException();
        public Task Start(int attempt) => throw new NotSupportedException();
        public Task Cancel(int attempt) => throw new NotSupportedException();
        public Task<TaskMetrics> GetMetrics() => throw new NotSupportedException();
        public Task RunSlice(int attempt) => throw new NotSupportedException();
        public Task FireProcessingTimers(int attempt) => throw new NotSupportedException();
        public Task TriggerCheckpoint(int attempt, long checkpointId, OrleansFlow.Checkpointing.CheckpointOptions options) => throw new NotSupportedException();
        public Task NotifyCheckpointComplete(int attempt, long checkpointId) => throw new NotSupportedException();
        public Task NotifyCheckpointAborted(int attempt, long checkpointId) => throw new NotSupportedException();
        public Task<bool> IsDeployed(int attempt) => throw new NotSupportedException();
        public Task FinishSource(int attempt) => throw new NotSupportedException();
        public Task ReleaseHeld(int attempt, TaskId receiver, int inputEdge, long checkpointId) => Task.CompletedTask;
    }
}
