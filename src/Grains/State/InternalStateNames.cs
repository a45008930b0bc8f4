namespace OrleansFlow.State;

/// <summary>
/// Names of the state the runtime keeps in an operator's keyed state backend for itself (timers), beside the user's.
/// User state names may not start with <see cref="Prefix"/>.
/// </summary>
internal static class InternalStateNames
{
    /// <summary>The prefix reserved for the runtime's own keyed state.</summary>
    public const string Prefix = "_timers/";

    /// <summary>Throws when a user state would take a reserved name.</summary>
    public static void RejectReserved(string name)
    {
        if (name.StartsWith(Prefix, StringComparison.Ordinal))
            throw new ArgumentException($"State name '{name}' is reserved: names starting with '{Prefix}' hold the runtime's timers.", nameof(name));
    }
}
