namespace OrleansFlow.Api.Graph;

/// <summary>
/// A side output of an operator read as a stream (virtual: no operator of its own). The job graph gives each of its
/// consumers an edge from the producer's vertex, tagged with it; the producer's task writes the tag's records there.
/// </summary>
internal interface ISideOutputTransformation
{
    /// <summary>The operator that emits into the side output.</summary>
    Transformation Producer { get; }

    /// <summary>The tag's id.</summary>
    string TagId { get; }

    /// <summary>The type of the side output's records.</summary>
    Type RecordType { get; }

    /// <summary>Calls the visitor with the side output's record type.</summary>
    TResult Accept<TResult>(ISideOutputVisitor<TResult> visitor);
}
