namespace OrleansFlow.Tasks.Input;

/// <summary>
/// An input channel that delivered barrier <see cref="CheckpointId"/> and is held no more: its sender may stop counting
/// what it sent after that barrier in the channel's window (<c>ITaskGrain.ReleaseHeld</c>).
/// </summary>
internal readonly record struct ChannelRelease(InputChannel Channel, long CheckpointId);
