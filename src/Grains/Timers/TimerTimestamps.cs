namespace OrleansFlow.Timers;

/// <summary>
/// The timestamps of one key's timers in one time domain, as the value of the timer state: the first inline (a key
/// usually has one timer: nothing allocated), up to <see cref="SmallCapacity"/> more in a small unsorted array searched
/// linearly (a key with a few pending timers: one cache line, no hashing), and the others in a set (a key with many
/// pending timers costs O(1) per timer). Removing the inline one only marks it removed (<see cref="FirstRemoved"/>; the
/// next <see cref="Add"/> takes its place), so no removal searches the set. Changed in place: the caller changes the
/// value in its state slot (a snapshot in flight has the slot copied deeply before it changes), so a snapshot keeps the
/// value it froze.
/// </summary>
[GenerateSerializer, Alias("OrleansFlow.TimerTimestamps")]
internal struct TimerTimestamps
{
    /// <summary>How many timestamps the small array holds before the others go to <see cref="Rest"/>.</summary>
    public const int SmallCapacity = 8;

    /// <summary>One of the timestamps, unless <see cref="FirstRemoved"/>.</summary>
    [Id(0)] public long First;

    /// <summary>The timestamps beyond <see cref="First"/> and <see cref="Small"/>, if any (all of the others in snapshots written before <see cref="Small"/> existed).</summary>
    [Id(1)] public HashSet<long>? Rest;

    /// <summary>Whether <see cref="First"/> was removed (snapshots written before this field read as false: First is live).</summary>
    [Id(2)] public bool FirstRemoved;

    /// <summary>Up to <see cref="SmallCapacity"/> more timestamps, unsorted; <see cref="SmallCount"/> of them are used.</summary>
    [Id(3)] public long[]? Small;

    /// <summary>How many of <see cref="Small"/> are used.</summary>
    [Id(4)] public int SmallCount;

    /// <summary>A value holding <paramref name="timestamp"/> only.</summary>
    public TimerTimestamps(long timestamp) => First = timestamp;

    /// <summary>Whether no timestamp is left.</summary>
    public readonly bool IsEmpty => FirstRemoved && SmallCount == 0 && Rest is not { Count: > 0 };

    /// <summary>Whether <paramref name="timestamp"/> is one of them.</summary>
    public readonly bool Contains(long timestamp) =>
        (!FirstRemoved && First == timestamp) || IndexInSmall(timestamp) >= 0 || (Rest is not null && Rest.Contains(timestamp));

    /// <summary>Adds <paramref name="timestamp"/> (not one already).</summary>
    public void Add(long timestamp)
    {
        if (FirstRemoved)
        {
            (First, FirstRemoved) = (timestamp, false);
        }
        else if (SmallCount < SmallCapacity)
        {
            if (Small is null || Small.Length == SmallCount) Array.Resize(ref Small, Math.Min(SmallCapacity, Math.Max(2, SmallCount * 2)));
            Small[SmallCount++] = timestamp;
        }
        else
        {
            (Rest ??= []).Add(timestamp);
        }
    }

    /// <summary>Removes <paramref name="timestamp"/> (one of them); false when none is left.</summary>
    public bool Remove(long timestamp)
    {
        TryRemove(timestamp);
        return !IsEmpty;
    }

    /// <summary>Removes <paramref name="timestamp"/>; false when it was not one of them.</summary>
    public bool TryRemove(long timestamp)
    {
        if (!FirstRemoved && First == timestamp)
        {
            FirstRemoved = true;
            return true;
        }
        if (IndexInSmall(timestamp) is var index and >= 0)
        {
            Small![index] = Small[--SmallCount]; // unsorted: the last takes its place
            return true;
        }
        return Rest is not null && Rest.Remove(timestamp);
    }

    /// <summary>Every timestamp.</summary>
    public readonly IEnumerable<long> All()
    {
        if (!FirstRemoved) yield return First;
        for (var i = 0; i < SmallCount; i++) yield return Small![i];
        if (Rest is null) yield break;
        foreach (var t in Rest) yield return t;
    }

    private readonly int IndexInSmall(long timestamp)
    {
        if (Small is null) return -1;
        for (var i = 0; i < SmallCount; i++) if (Small[i] == timestamp) return i;
        return -1;
    }
}
