namespace OrleansFlow.Tasks.Input;

/// <summary>One input channel of a task: its input edge, and the upstream vertex and subtask that send on it.</summary>
internal readonly record struct InputChannel(int Edge, int UpstreamVertex, int UpstreamSubtask);
