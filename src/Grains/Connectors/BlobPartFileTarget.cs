using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using OrleansFlow.Api;

namespace OrleansFlow.Connectors;

/// <summary>
/// Parts in a blob container under a prefix: a part's bytes are staged as uncommitted blocks of the block blob
/// <c>{prefix}{name}</c> (invisible: listing and reading see only committed blobs), and committed by
/// <c>Put Block List</c>, which publishes the blob atomically. The payload is <c>{name}/{blockCount}</c>; block ids
/// are derived from the block index. Uncommitted blocks of discarded transactions cannot be deleted one by one: they
/// stay invisible and the service garbage-collects them (after a week on Azure); <see cref="DiscardAsync"/> has
/// nothing to do.
/// </summary>
internal sealed class BlobPartFileTarget : IPartFileTarget
{
    private readonly BlobContainerClient _container;
    private readonly string _prefix;
    private readonly Lazy<Task> _created;

    public BlobPartFileTarget(BlobContainerClient container, string prefix)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length > 0 && !prefix.EndsWith('/')) prefix += "/";
        _container = container;
        _prefix = prefix;
        _created = new Lazy<Task>(() => _container.CreateIfNotExistsAsync());
    }

    public string Location => $"{_container.Uri}/{_prefix}";

    public IPartFileWriter Create(PartFileName name) => new BlobPartFileWriter(Blob(name), name.ToString(), _created);

    public async Task CommitAsync(string payload, CancellationToken cancellationToken)
    {
        var slash = payload.LastIndexOf('/');
        if (slash < 0 || !PartFileName.TryParseAnyJob(payload[..slash], out var part) || !int.TryParse(payload[(slash + 1)..], out var blocks) || blocks < 1)
            throw new InvalidDataException($"'{payload}' is not a blob file sink part: refusing to commit it in {Location}.");
        var blob = Blob(part);
        var ids = Enumerable.Range(0, blocks).Select(BlobPartFileWriter.BlockId).ToList();
        try
        {
            await blob.CommitBlockListAsync(ids, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 400)
        {
            // The blocks are no longer uncommitted: either a previous commit published them, or they are lost.
            try
            {
                var committed = await blob.GetBlockListAsync(Azure.Storage.Blobs.Models.BlockListTypes.Committed, cancellationToken: cancellationToken);
                if (committed.Value.CommittedBlocks.Select(b => b.Name).SequenceEqual(ids)) return;
            }
            catch (RequestFailedException missing) when (missing.Status == 404)
            {
            }
            throw new InvalidDataException(
                $"Part {part} in {Location} can be neither committed nor found committed: its {blocks} staged blocks are gone, so its records are lost.", e);
        }
    }

    public Task DiscardAsync(SinkDiscardScope scope, CancellationToken cancellationToken) => Task.CompletedTask;

    private BlockBlobClient Blob(PartFileName name) => _container.GetBlockBlobClient(_prefix + name);
}
