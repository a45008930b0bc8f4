using OrleansFlow.Api;

namespace OrleansFlow.Operators;

/// <summary>An operator with one input: <see cref="ICollector{T}.Collect"/> is its <c>processElement</c>.</summary>
internal interface IOneInputStreamOperator<in TIn> : IStreamOperator, ICollector<TIn>;
