namespace OrleansFlow.KeyGroups;

/// <summary>
/// A key type that supplies its own process-independent hash. Implement it for composite keys: the value must be the
/// same in every process, machine and version (combine the fields with <see cref="KeyHash"/>, never with
/// <see cref="object.GetHashCode"/>).
/// </summary>
public interface IStableKey
{
    /// <summary>A hash that never changes for equal keys, across processes and versions.</summary>
    int GetStableHashCode();
}
