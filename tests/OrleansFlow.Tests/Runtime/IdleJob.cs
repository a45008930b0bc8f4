using OrleansFlow.Api;

namespace OrleansFlow.Tests.Runtime;

/// <summary>An unbounded job whose source never emits: no record and no checkpoint ever reveals a lost task.</summary>
public sealed class IdleJob : IStreamJob
{
    public const string Name = "idle";

    public JobParameters Parameters => JobParameters.None;

    public void Build(StreamJobBuilder builder, JobArguments args) =>
        builder.AddSource(new SilentSource()).Uid("silent")
            .KeyBy(x => x)
            .Reduce((a, b) => a + b).Uid("reduce");

    private sealed class SilentSource : ISource<long>
    {
        public bool IsBounded => false;

        public int SplitCount => 4;

        public ISourceReader<long> CreateReader(IReadOnlyList<int> splits, TimeProvider timeProvider) => new Reader();

        private sealed class Reader : ISourceReader<long>
        {
            public long GetOffset(int split) => 0;

            public void Seek(int split, long offset) { }

            public SourceReaderStatus Poll(ICollector<long> output, int maxRecords) => SourceReaderStatus.NothingAvailable;
        }
    }
}
