namespace OrleansFlow.Api;

/// <summary>
/// Writes one subtask's records. Protocol: <see cref="ICollector{T}.Collect"/> any number of times, then
/// <see cref="EndOfInput"/> once when the input ended (finished output becomes visible), or <see cref="IDisposable.Dispose"/>
/// alone when the task is cancelled or fails (unfinished output is discarded, never made visible).
/// </summary>
public interface ISinkWriter<in T> : ICollector<T>, IDisposable
{
    /// <summary>The input ended: complete and publish what was written.</summary>
    void EndOfInput();
}
