namespace OrleansFlow.State;

/// <summary>
/// A value state whose current key's slot the runtime's own functions update in place (one state access where a read
/// and an update take two). The reference is valid until the state is next changed by anything but that reference;
/// while a snapshot is in flight it points at a copy of the frozen value, so the snapshot is unaffected.
/// </summary>
internal interface IValueRefState<T>
{
    /// <summary>The current key's slot, added with the default value when absent (<paramref name="exists"/> false).</summary>
    ref T GetValueRefOrAddDefault(out bool exists);

    /// <summary>The current key's slot, or a null reference when absent (test with <c>Unsafe.IsNullRef</c>).</summary>
    ref T GetValueRefOrNullRef();
}
