namespace OrleansFlow.Connectors;

/// <summary>
/// One invisible part being written. Protocol: <see cref="Write"/> any number of times on one thread, then either
/// <see cref="SealAsync"/> once (after which the writer may be used from another thread only by that call) or
/// <see cref="Abandon"/>.
/// </summary>
internal interface IPartFileWriter
{
    /// <summary>Appends bytes.</summary>
    void Write(ReadOnlySpan<byte> bytes);

    /// <summary>Makes everything written durable but still invisible; returns the payload that commits it.</summary>
    Task<string> SealAsync();

    /// <summary>Discards the part (a task that ended without sealing it).</summary>
    void Abandon();
}
