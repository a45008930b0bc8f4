namespace OrleansFlow.BuiltIn;

/// <summary>An event of the <c>keyed-sum</c> job.</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.KeyedSumEvent")]
public readonly record struct KeyedSumEvent([property: Id(0)] long Key, [property: Id(1)] long Value);
