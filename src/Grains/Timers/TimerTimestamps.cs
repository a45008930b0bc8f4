namespace OrleansFlow.Timers;

/// <summary>
/// The timestamps of one key's timers in one time domain, as the value of the timer state: the first inline (a key
/// usually has one timer: no allocation), the others in an array. Immutable: every change returns a new value.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.TimerTimestamps")]
internal readonly record struct TimerTimestamps([property: Id(0)] long First, [property: Id(1)] long[]? Rest)
{
    /// <summary>Whether <paramref name="timestamp"/> is one of them.</summary>
    public bool Contains(long timestamp)
    {
        if (First == timestamp) return true;
        if (Rest is null) return false;
        foreach (var t in Rest) if (t == timestamp) return true;
        return false;
    }

    /// <summary>The timestamps with <paramref name="timestamp"/> added (it must not be one already).</summary>
    public TimerTimestamps Add(long timestamp) => Rest is null ? new(First, [timestamp]) : new(First, [.. Rest, timestamp]);

    /// <summary>The timestamps without <paramref name="timestamp"/>, or null when none is left.</summary>
    public TimerTimestamps? Remove(long timestamp)
    {
        if (First == timestamp) return Rest is null ? null : new TimerTimestamps(Rest[0], Rest.Length == 1 ? null : Rest[1..]);
        if (Rest is null) return this;
        var index = Array.IndexOf(Rest, timestamp);
        if (index < 0) return this;
        if (Rest.Length == 1) return new TimerTimestamps(First, null);
        var rest = new long[Rest.Length - 1];
        Array.Copy(Rest, 0, rest, 0, index);
        Array.Copy(Rest, index + 1, rest, index, rest.Length - index);
        return new TimerTimestamps(First, rest);
    }

    /// <summary>Every timestamp.</summary>
    public IEnumerable<long> All()
    {
        yield return First;
        if (Rest is null) yield break;
        foreach (var t in Rest) yield return t;
    }
}
