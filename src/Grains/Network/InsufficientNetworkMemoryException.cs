namespace OrleansFlow.Network;

/// <summary>A task could not reserve the network memory its outputs need to make progress (Flink's "Insufficient number of network buffers").</summary>
internal sealed class InsufficientNetworkMemoryException(string message) : Exception(message);
