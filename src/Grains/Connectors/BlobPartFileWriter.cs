using System.Text;
using Azure.Storage.Blobs.Specialized;

namespace OrleansFlow.Connectors;

/// <summary>
/// A part being staged as blocks of a block blob: every <see cref="BlockSize"/> bytes become one block, uploaded in the
/// background while records keep coming; sealing stages the rest and waits for every block.
/// </summary>
internal sealed class BlobPartFileWriter(BlockBlobClient blob, string name, Lazy<Task> containerCreated) : IPartFileWriter
{
    /// <summary>The size of a staged block.</summary>
    public const int BlockSize = 4 << 20;

    private readonly List<Task> _staged = [];
    private MemoryStream _buffer = new();

    /// <summary>The id of block <paramref name="index"/> (ids of one blob must have one length).</summary>
    public static string BlockId(int index) => Convert.ToBase64String(Encoding.ASCII.GetBytes($"block-{index:D8}"));

    public void Write(ReadOnlySpan<byte> bytes)
    {
        _buffer.Write(bytes);
        if (_buffer.Length >= BlockSize) StageBuffer();
    }

    public async Task<string> SealAsync()
    {
        if (_buffer.Length > 0 || _staged.Count == 0) StageBuffer();
        await Task.WhenAll(_staged);
        return $"{name}/{_staged.Count}";
    }

    public void Abandon()
    {
        // Staged blocks stay uncommitted, hence invisible; observe failures so none goes unobserved.
        _ = Task.WhenAll(_staged).ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
    }

    private void StageBuffer()
    {
        var content = _buffer;
        content.Position = 0;
        _buffer = new MemoryStream();
        var id = BlockId(_staged.Count);
        _staged.Add(StageAsync(id, content));
    }

    private async Task StageAsync(string id, MemoryStream content)
    {
        await containerCreated.Value;
        await using (content) await blob.StageBlockAsync(id, content);
    }
}
