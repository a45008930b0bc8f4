namespace OrleansFlow.Api.Windowing;

/// <summary>
/// A keyed function of the runtime's own that fires on the watermark itself rather than through per-key timers (the
/// slicing window operator: every key's windows end at the same aligned times, so the watermark fires whole slices
/// instead of a timer per key). The keyed operator calls <see cref="OnWatermark"/> each time its watermark
/// advances, after its timers fired; on the task's turn.
/// </summary>
internal interface IWatermarkDrivenFunction<TKey, TOut> where TKey : notnull
{
    /// <param name="watermark">The new watermark.</param>
    /// <param name="context">The operator's keyed context (its current key is the one <paramref name="selectKey"/> made current).</param>
    /// <param name="selectKey">Makes a key current for state access (the key and its key group).</param>
    /// <param name="output">Where results go.</param>
    void OnWatermark(long watermark, KeyedContext<TKey> context, Action<TKey, int> selectKey, ICollector<TOut> output);
}
