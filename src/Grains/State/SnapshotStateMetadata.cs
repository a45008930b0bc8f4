namespace OrleansFlow.State;

/// <summary>One entry of a snapshot's state table: the state's name and kind, and its types as informational strings.</summary>
/// <param name="Name">The state's name (its identity).</param>
/// <param name="Kind">The state's kind.</param>
/// <param name="KeyTypeName">The key type when written.</param>
/// <param name="ValueTypeName">The stored value type when written.</param>
internal readonly record struct SnapshotStateMetadata(string Name, StateKind Kind, string KeyTypeName, string ValueTypeName);
