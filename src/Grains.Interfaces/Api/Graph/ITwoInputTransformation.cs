namespace OrleansFlow.Api.Graph;

/// <summary>An operator with two inputs: <see cref="Transformation.Input"/> is the first, <see cref="Input2"/> the second.</summary>
internal interface ITwoInputTransformation
{
    /// <summary>The second input.</summary>
    Transformation Input2 { get; }

    /// <summary>How the second input reaches the operator.</summary>
    Partitioning Partitioning2 { get; }
}
