using OrleansFlow.Api.Graph;

namespace OrleansFlow.Network;

/// <summary>The record type a transformation emits (what its outgoing edges carry); null for a sink.</summary>
internal sealed class RecordTypeOf : ITransformationVisitor<Type?>
{
    public static readonly RecordTypeOf Instance = new();

    public Type? VisitSource<T>(SourceTransformation<T> transformation, object? output) => typeof(T);
    public Type? VisitMap<TIn, TOut>(MapTransformation<TIn, TOut> transformation, object? output) => typeof(TOut);
    public Type? VisitFilter<T>(FilterTransformation<T> transformation, object? output) => typeof(T);
    public Type? VisitFlatMap<TIn, TOut>(FlatMapTransformation<TIn, TOut> transformation, object? output) => typeof(TOut);
    public Type? VisitKeyedProcess<TKey, TIn, TOut>(KeyedProcessTransformation<TKey, TIn, TOut> transformation, object? output) where TKey : notnull => typeof(TOut);
    public Type? VisitSink<T>(SinkTransformation<T> transformation, object? output) => null;
    public Type? VisitKeyedCoProcess<TKey, TIn1, TIn2, TOut>(KeyedCoProcessTransformation<TKey, TIn1, TIn2, TOut> transformation, object? output) where TKey : notnull => typeof(TOut);
    public Type? VisitProcess<TIn, TOut>(ProcessTransformation<TIn, TOut> transformation, object? output) => typeof(TOut);
    public Type? VisitCoProcess<TIn1, TIn2, TOut>(CoProcessTransformation<TIn1, TIn2, TOut> transformation, object? output) => typeof(TOut);
}
