using OrleansFlow.Storage;

namespace OrleansFlow.Tests.Storage;

/// <summary>
/// The storage contract on Azurite with 64 KiB upload blocks and two uploads in flight: every streamed write of the
/// contract spans many blocks (Put Block … Put Block List), where the default 4 MiB blocks make most of them one Put Blob.
/// </summary>
[Collection("azurite")]
public sealed class AzureBlobSmallBlockStorageTests(AzuriteFixture azurite) : CheckpointStorageContractTests
{
    protected override ICheckpointStorage CreateStorage() => azurite.CreateStorage(uploadBlockSize: 64 << 10, maxConcurrentBlockUploads: 2);
}
