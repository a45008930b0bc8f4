namespace OrleansFlow.Api;

/// <summary>A sink; each subtask writes through its own writer.</summary>
public interface ISink<T>
{
    /// <summary>The writer of one subtask.</summary>
    ISinkWriter<T> CreateWriter(SinkWriterContext context);
}
