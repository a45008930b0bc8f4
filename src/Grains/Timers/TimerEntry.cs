namespace OrleansFlow.Timers;

/// <summary>One timer of a keyed operator: fire at <see cref="Timestamp"/> for <see cref="Key"/>, which lies in <see cref="KeyGroup"/>.</summary>
internal readonly record struct TimerEntry<TKey>(long Timestamp, TKey Key, int KeyGroup) where TKey : notnull;
