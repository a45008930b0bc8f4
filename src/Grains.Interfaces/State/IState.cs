namespace OrleansFlow.State;

/// <summary>
/// Keyed state: every call reads or writes the value of the <em>current key</em> (the key of the record or timer being
/// processed). State is not thread-safe and is only reachable from the task's processing thread.
/// </summary>
public interface IState
{
    /// <summary>Removes the value of the current key.</summary>
    void Clear();
}
