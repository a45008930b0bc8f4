namespace OrleansFlow.Savepoints;

/// <summary>
/// A savepoint request refused by <see cref="SavepointInspector"/>: <see cref="Kind"/> says how (bad request, not
/// found, unprocessable) and the message says what, naming the savepoint, file, operator, state or key. Stays inside
/// the silo: <see cref="SavepointGrain"/> turns it into a result.
/// </summary>
internal sealed class SavepointRequestException(SavepointErrorKind kind, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>How the request was refused.</summary>
    public SavepointErrorKind Kind { get; } = kind;
}
