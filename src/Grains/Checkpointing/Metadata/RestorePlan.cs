namespace OrleansFlow.Checkpointing;

/// <summary>A complete checkpoint whose metadata parsed and whose every state file exists with its size and checksum.</summary>
/// <param name="Metadata">The checkpoint's metadata.</param>
/// <param name="MetadataFolder">The storage folder holding its <c>_metadata</c>, to resolve the state files' relative paths.</param>
internal sealed record RestorePlan(CheckpointMetadata Metadata, string MetadataFolder)
{
    /// <summary>The storage path of <paramref name="state"/>.</summary>
    public string PathOf(StateFileMetadata state) => CheckpointMetadata.ResolvePath(MetadataFolder, state.RelativePath);
}
