using OrleansFlow.Api;

namespace OrleansFlow.Connectors;

/// <summary>
/// Writes records as lines into <paramref name="directory"/>, as Flink's file sink: a subtask writes a hidden
/// in-progress file (<c>.part-…inprogress</c>) and renames it to <c>part-{job}-{subtask}-{n}</c> when its input ended,
/// so the lines of the <c>part-</c> files are the job's result. A cancelled or failed task deletes its in-progress file.
/// </summary>
public sealed class FileSink<T>(string directory, Func<T, string> format) : ISink<T>
{
    /// <inheritdoc />
    public ISinkWriter<T> CreateWriter(SinkWriterContext context) => new FileSinkWriter<T>(directory, format, context);
}
