namespace OrleansFlow.Api;

/// <summary>Receives the records a function emits (Flink's <c>Collector</c>). Called on the task's processing thread only.</summary>
public interface ICollector<in T>
{
    /// <summary>Emits one record downstream.</summary>
    void Collect(T record);
}
