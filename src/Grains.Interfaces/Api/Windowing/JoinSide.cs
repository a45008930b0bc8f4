namespace OrleansFlow.Api.Windowing;

/// <summary>A record of either input of a window join, as the union its window reads (Flink's <c>TaggedUnion</c>).</summary>
[GenerateSerializer, Alias("OrleansFlow.JoinSide`2")]
internal readonly record struct JoinSide<TLeft, TRight>([property: Id(0)] bool IsLeft, [property: Id(1)] TLeft Left, [property: Id(2)] TRight Right);
