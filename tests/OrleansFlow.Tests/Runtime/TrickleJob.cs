using OrleansFlow.Api;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// An unbounded source that never reports "nothing available" (so its task never flushes for that reason) yet emits
/// only about one record per millisecond per subtask (each poll waits 1 ms, then emits one record), keyed into a sum:
/// its output batches fill only after seconds, so only the buffer timeout moves records downstream sooner.
/// </summary>
public sealed class TrickleJob : IStreamJob
{
    public const string Name = "trickle";

    public JobParameters Parameters => JobParameters.None;

    public void Build(StreamJobBuilder builder, JobArguments args) =>
        builder.AddSource(new TrickleSource()).Uid("source")
            .KeyBy(x => x % 10)
            .Reduce((a, b) => a + b).Uid("sum");

    private sealed class TrickleSource : ISource<long>
    {
        public bool IsBounded => false;

        public int SplitCount => 2;

        public ISourceReader<long> CreateReader(IReadOnlyList<int> splits, TimeProvider timeProvider) => new Reader();

        private sealed class Reader : ISourceReader<long>
        {
            private long _next;

            public long GetOffset(int split) => 0;

            public void Seek(int split, long offset) { }

            public SourceReaderStatus Poll(ICollector<long> output, int maxRecords)
            {
                Thread.Sleep(1); // pacing, not waiting for anything: the record is emitted after it
                output.Collect(_next++);
                return SourceReaderStatus.MoreAvailable;
            }
        }
    }
}
