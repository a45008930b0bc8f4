using System.Text;
using OrleansFlow.Api;

namespace OrleansFlow.Connectors;

/// <summary>One subtask's writer of a <see cref="FileSink{T}"/>.</summary>
internal sealed class FileSinkWriter<T> : ISinkWriter<T>
{
    private readonly Func<T, string> _format;
    private readonly string _inProgressPath;
    private readonly string _finalPath;
    private StreamWriter? _writer;
    private bool _done;

    public FileSinkWriter(string directory, Func<T, string> format, SinkWriterContext context)
    {
        _format = format;
        Directory.CreateDirectory(directory);
        var jobPrefix = context.JobId.Length > 8 ? context.JobId[..8] : context.JobId;
        var name = $"part-{jobPrefix}-{context.SubtaskIndex}-0";
        _finalPath = Path.Combine(directory, name);
        _inProgressPath = Path.Combine(directory, $".{name}.inprogress.{context.Attempt}");
    }

    public void Collect(T record)
    {
        _writer ??= new StreamWriter(_inProgressPath, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
        _writer.Write(_format(record));
        _writer.Write('\n');
    }

    public void EndOfInput()
    {
        if (_done) return;
        _writer ??= new StreamWriter(_inProgressPath, append: false, new UTF8Encoding(false));
        _writer.Flush();
        _writer.Dispose();
        _writer = null;
        File.Move(_inProgressPath, _finalPath, overwrite: true);
        _done = true;
    }

    public void Dispose()
    {
        if (_done) return;
        _done = true;
        _writer?.Dispose();
        _writer = null;
        if (File.Exists(_inProgressPath)) File.Delete(_inProgressPath);
    }
}
