namespace OrleansFlow.Timers;

/// <summary>
/// The timestamps of one key's timers in one time domain, as the value of the timer state: the first inline (a key
/// usually has one timer: nothing allocated), the others in a set (a key with many pending timers costs O(1) per
/// timer). Removing the inline one only marks it removed (<see cref="FirstRemoved"/>; the next <see cref="Add"/> takes
/// its place), so no removal searches the set. Changed in place: the caller reads it from keyed state, changes it, and
/// writes it back, so a snapshot in flight (whose reads are deep copies) keeps the value it froze.
/// </summary>
[GenerateSerializer, Alias("OrleansFlow.TimerTimestamps")]
internal struct TimerTimestamps
{
    /// <summary>One of the timestamps, unless <see cref="FirstRemoved"/>.</summary>
    [Id(0)] public long First;

    /// <summary>The others, if any.</summary>
    [Id(1)] public HashSet<long>? Rest;

    /// <summary>Whether <see cref="First"/> was removed (snapshots written before this field read as false: First is live).</summary>
    [Id(2)] public bool FirstRemoved;

    /// <summary>A value holding <paramref name="timestamp"/> only.</summary>
    public TimerTimestamps(long timestamp) => First = timestamp;

    /// <summary>Whether <paramref name="timestamp"/> is one of them.</summary>
    public readonly bool Contains(long timestamp) => (!FirstRemoved && First == timestamp) || (Rest is not null && Rest.Contains(timestamp));

    /// <summary>Adds <paramref name="timestamp"/> (not one already).</summary>
    public void Add(long timestamp)
    {
        if (FirstRemoved) (First, FirstRemoved) = (timestamp, false);
        else (Rest ??= []).Add(timestamp);
    }

    /// <summary>Removes <paramref name="timestamp"/> (one of them); false when none is left.</summary>
    public bool Remove(long timestamp)
    {
        if (!FirstRemoved && First == timestamp) FirstRemoved = true;
        else Rest?.Remove(timestamp);
        return !FirstRemoved || Rest is { Count: > 0 };
    }

    /// <summary>Every timestamp.</summary>
    public readonly IEnumerable<long> All()
    {
        if (!FirstRemoved) yield return First;
        if (Rest is null) yield break;
        foreach (var t in Rest) yield return t;
    }
}
