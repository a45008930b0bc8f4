using Orleans.Serialization;
using OrleansFlow.Hosting;
using OrleansFlow.Jobs;

namespace OrleansFlow.Tasks;

/// <summary>What the chain factory needs to know about the task it builds for.</summary>
internal sealed record TaskEnvironment(
    TaskId Task,
    int Attempt,
    JobGraph Graph,
    JobVertex Vertex,
    IGrainFactory GrainFactory,
    Serializer Serializer,
    TimeProvider TimeProvider,
    OrleansFlowOptions Options,
    Network.NetworkBufferPool NetworkMemory,
    Timers.ProcessingTimeService ProcessingTime);
