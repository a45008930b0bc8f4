using OrleansFlow.Storage;

namespace OrleansFlow.Tests.Storage;

/// <summary>
/// The storage contract on Azurite with 64 KiB upload blocks, two uploads in flight and a 256 KiB single-upload
/// threshold: a streamed write of the contract is either several held blocks sent as one Put Blob, or crosses the
/// threshold and stages the held blocks and the rest (Put Block … Put Block List); with the defaults every one of them is
/// a single Put Blob.
/// </summary>
[Collection("azurite")]
public sealed class AzureBlobSmallBlockStorageTests(AzuriteFixture azurite) : CheckpointStorageContractTests
{
    protected override ICheckpointStorage CreateStorage() => azurite.CreateStorage(uploadBlockSize: 64 << 10, maxConcurrentBlockUploads: 2, singleUploadThreshold: 256 << 10);
}
