namespace OrleansFlow.Api.Windowing;

/// <summary>The accumulator of a window <c>Reduce</c>: the reduction so far, if any element arrived.</summary>
[GenerateSerializer, Alias("OrleansFlow.ReduceAccumulator`1")]
internal readonly record struct ReduceAccumulator<T>([property: Id(0)] bool HasValue, [property: Id(1)] T Value);
