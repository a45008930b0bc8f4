namespace OrleansFlow.Api.Graph;

/// <summary>
/// Recovers the static types of each transformation. <c>output</c> is the downstream collector of the operator's
/// output type (<c>ICollector&lt;TOut&gt;</c>), or null for a sink.
/// </summary>
internal interface ITransformationVisitor<out TResult>
{
    TResult VisitSource<T>(SourceTransformation<T> transformation, object? output);
    TResult VisitMap<TIn, TOut>(MapTransformation<TIn, TOut> transformation, object? output);
    TResult VisitFilter<T>(FilterTransformation<T> transformation, object? output);
    TResult VisitFlatMap<TIn, TOut>(FlatMapTransformation<TIn, TOut> transformation, object? output);
    TResult VisitKeyedProcess<TKey, TIn, TOut>(KeyedProcessTransformation<TKey, TIn, TOut> transformation, object? output) where TKey : notnull;
    TResult VisitSink<T>(SinkTransformation<T> transformation, object? output);
    TResult VisitKeyedCoProcess<TKey, TIn1, TIn2, TOut>(KeyedCoProcessTransformation<TKey, TIn1, TIn2, TOut> transformation, object? output) where TKey : notnull;
    TResult VisitProcess<TIn, TOut>(ProcessTransformation<TIn, TOut> transformation, object? output);
    TResult VisitCoProcess<TIn1, TIn2, TOut>(CoProcessTransformation<TIn1, TIn2, TOut> transformation, object? output);
}
