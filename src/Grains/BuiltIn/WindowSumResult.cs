namespace OrleansFlow.BuiltIn;

/// <summary>One output line of <c>window-sum</c>: a key's count and sum of values in one window [Start, End).</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.WindowSumResult")]
public readonly record struct WindowSumResult(
    [property: Id(0)] long Key, [property: Id(1)] long Start, [property: Id(2)] long End, [property: Id(3)] long Count, [property: Id(4)] long Sum);
