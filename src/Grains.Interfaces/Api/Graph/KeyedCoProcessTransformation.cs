namespace OrleansFlow.Api.Graph;

/// <summary>
/// A keyed two-input operator. The first input is keyed; the second is keyed by the same key type, or (for a keyed
/// broadcast connection) a broadcast input without key: <see cref="KeySelector2"/> is null then.
/// </summary>
internal sealed class KeyedCoProcessTransformation<TKey, TIn1, TIn2, TOut>(
    int id, Transformation input1, KeyGroupPartitioning<TIn1, TKey> partitioning1, Transformation input2, Partitioning partitioning2,
    Func<TIn2, TKey>? keySelector2, Func<KeyedCoProcessFunction<TKey, TIn1, TIn2, TOut>> functionFactory, string kind = "co-process")
    : Transformation(id, kind, input1, partitioning1), ITwoInputTransformation where TKey : notnull
{
    public Transformation Input2 { get; } = input2;

    public Partitioning Partitioning2 => partitioning2;

    public Func<TIn1, TKey> KeySelector1 => partitioning1.KeySelector;

    /// <summary>The second input's key, or null when the second input is a broadcast stream.</summary>
    public Func<TIn2, TKey>? KeySelector2 => keySelector2;

    /// <summary>Creates a fresh function instance per subtask.</summary>
    public Func<KeyedCoProcessFunction<TKey, TIn1, TIn2, TOut>> FunctionFactory { get; } = functionFactory;

    public override bool CanEmitSideOutputs => true;

    public override TResult Accept<TResult>(ITransformationVisitor<TResult> v, object? output) => v.VisitKeyedCoProcess(this, output);
}
