namespace OrleansFlow.Api.Graph;

/// <summary>What the job manager needs of a source without its record type.</summary>
internal interface ISourceTransformation
{
    /// <summary>The source's split count.</summary>
    int SplitCount { get; }

    /// <summary>Whether its input ends.</summary>
    bool IsBounded { get; }
}
