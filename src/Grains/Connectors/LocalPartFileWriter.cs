namespace OrleansFlow.Connectors;

/// <summary>A part being written to its hidden file in a local folder.</summary>
internal sealed class LocalPartFileWriter(string hiddenPath, string name) : IPartFileWriter
{
    private readonly FileStream _stream = new(hiddenPath, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 1 << 16);

    public void Write(ReadOnlySpan<byte> bytes) => _stream.Write(bytes);

    public Task<string> SealAsync() => Task.Run(async () =>
    {
        await using (_stream)
        {
            await _stream.FlushAsync();
            _stream.Flush(flushToDisk: true);
        }
        return name;
    });

    public void Abandon()
    {
        _stream.Dispose();
        File.Delete(hiddenPath);
    }
}
