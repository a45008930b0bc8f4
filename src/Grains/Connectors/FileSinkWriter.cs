using System.Buffers;
using System.Text;
using OrleansFlow.Api;

namespace OrleansFlow.Connectors;

/// <summary>
/// One subtask's writer of a <see cref="FileSink{T}"/>: lines go, UTF-8 encoded, into the open part of the current
/// transaction (created at the first record after a seal, so an empty transaction writes nothing); a checkpoint
/// barrier seals the part (pre-commit) and the next record opens a new one.
/// </summary>
internal sealed class FileSinkWriter<T> : ITwoPhaseCommitSinkWriter<T>
{
    private const int ChunkSize = 1 << 16;

    private readonly IPartFileTarget _target;
    private readonly Func<T, string> _format;
    private readonly SinkWriterContext _context;
    private readonly ArrayBufferWriter<byte> _chunk = new(ChunkSize + 1024);
    private IPartFileWriter? _part;
    private int _sequence;
    private bool _disposed;

    public FileSinkWriter(IPartFileTarget target, Func<T, string> format, SinkWriterContext context)
    {
        _target = target;
        _format = format;
        _context = context;
    }

    public void Collect(T record)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _part ??= _target.Create(new PartFileName(_context.JobId, _context.SubtaskIndex, _context.Attempt, _sequence++));
        var line = _format(record);
        var span = _chunk.GetSpan(Encoding.UTF8.GetMaxByteCount(line.Length) + 1);
        var written = Encoding.UTF8.GetBytes(line, span);
        span[written] = (byte)'\n';
        _chunk.Advance(written + 1);
        if (_chunk.WrittenCount >= ChunkSize) FlushChunk();
    }

    public Task<string?> PrepareCommitAsync(long checkpointId)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_part is null) return Task.FromResult<string?>(null);
        FlushChunk();
        var part = _part;
        _part = null;
        return SealAsync(part);
    }

    /// <summary>Outside the runtime (which calls <see cref="PrepareCommitAsync"/> instead): seals and commits at once.</summary>
    public void EndOfInput()
    {
        var payload = PrepareCommitAsync(SinkCommittable.EndOfInputCheckpointId).GetAwaiter().GetResult();
        if (payload is not null) _target.CommitAsync(payload, CancellationToken.None).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _part?.Abandon();
        _part = null;
    }

    private static async Task<string?> SealAsync(IPartFileWriter part) => await part.SealAsync();

    private void FlushChunk()
    {
        if (_chunk.WrittenCount == 0) return;
        _part!.Write(_chunk.WrittenSpan);
        _chunk.ResetWrittenCount();
    }
}
