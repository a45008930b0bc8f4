using OrleansFlow.Api;

namespace OrleansFlow.Connectors;

/// <summary>
/// Where a file sink's parts go (a local folder or a blob container). A part is written through an
/// <see cref="IPartFileWriter"/> while invisible, sealed durably (pre-commit) and made visible by
/// <see cref="CommitAsync"/>, which is idempotent. Thread-safe.
/// </summary>
internal interface IPartFileTarget
{
    /// <summary>Where the target is, for messages.</summary>
    string Location { get; }

    /// <summary>Opens a new invisible part.</summary>
    IPartFileWriter Create(PartFileName name);

    /// <summary>Makes the sealed part described by <paramref name="payload"/> (from <see cref="IPartFileWriter.SealAsync"/>) visible.</summary>
    Task CommitAsync(string payload, CancellationToken cancellationToken);

    /// <summary>Deletes the invisible parts of <paramref name="scope"/>'s job that the scope owns.</summary>
    Task DiscardAsync(SinkDiscardScope scope, CancellationToken cancellationToken);
}
