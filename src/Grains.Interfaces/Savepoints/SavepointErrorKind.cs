namespace OrleansFlow.Savepoints;

/// <summary>Why a savepoint request was refused (the REST API maps each to an HTTP status).</summary>
public enum SavepointErrorKind
{
    /// <summary>Answered.</summary>
    None,

    /// <summary>The request is malformed: an invalid savepoint name, or a key that does not parse as the state's key type (400).</summary>
    InvalidRequest,

    /// <summary>No such savepoint, operator or state, or no value for the key (404).</summary>
    NotFound,

    /// <summary>
    /// The savepoint exists but cannot be used: its <c>_metadata</c> is missing or corrupt, a file is missing or does
    /// not match its recorded size or checksum, or a type it names cannot be loaded here (422).
    /// </summary>
    Unprocessable,
}
