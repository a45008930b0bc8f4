namespace OrleansFlow.Api.Graph;

/// <summary>A sink in a job graph, without its record type (for the job manager, which commits at the end of a bounded job).</summary>
internal interface ISinkTransformation
{
    /// <summary>The sink operator's uid.</summary>
    string Uid { get; }

    /// <summary>The sink when it is exactly-once, else null.</summary>
    ITwoPhaseCommitSink? TwoPhaseCommitSink { get; }
}
