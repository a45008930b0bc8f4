using OrleansFlow.Api;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// A plain (not exactly-once) sink for tests that drive a task without a job manager: each subtask writes its lines
/// to <c>part-direct-{subtask}</c> when its input ends.
/// </summary>
public sealed class EndOfInputFileSink(string directory) : ISink<string>
{
    public ISinkWriter<string> CreateWriter(SinkWriterContext context) => new Writer(Path.Combine(directory, $"part-direct-{context.SubtaskIndex}"));

    private sealed class Writer(string path) : ISinkWriter<string>
    {
        private readonly List<string> _lines = [];

        public void Collect(string record) => _lines.Add(record);

        public void EndOfInput() => File.WriteAllLines(path, _lines);

        public void Dispose() { }
    }
}
