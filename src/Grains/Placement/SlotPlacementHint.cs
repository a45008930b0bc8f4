namespace OrleansFlow.Placement;

/// <summary>
/// The silo of a task's slot, carried to <see cref="SubtaskSpreadPlacementDirector"/> in the request context of the
/// call that deploys the task (<c>{taskKey}|{siloAddress}</c>): the hint names its task, so the same context flowing on
/// to other calls places nothing else.
/// </summary>
internal static class SlotPlacementHint
{
    private const string Key = "orleansflow.slot";

    /// <summary>Sets the hint for the next call of this flow, to the task grain <paramref name="taskKey"/>.</summary>
    public static void Set(string taskKey, string silo) => RequestContext.Set(Key, taskKey + "|" + silo);

    /// <summary>Removes the hint from this flow.</summary>
    public static void Clear() => RequestContext.Remove(Key);

    /// <summary>The silo hinted for <paramref name="grainKey"/> in <paramref name="requestContext"/>, if any.</summary>
    public static string? SiloFor(string grainKey, IReadOnlyDictionary<string, object>? requestContext)
    {
        if (requestContext is null || !requestContext.TryGetValue(Key, out var raw) || raw is not string hint) return null;
        var bar = hint.LastIndexOf('|');
        return bar > 0 && hint.AsSpan(0, bar).SequenceEqual(grainKey) ? hint[(bar + 1)..] : null;
    }
}
