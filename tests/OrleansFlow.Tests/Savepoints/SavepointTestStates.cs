using OrleansFlow.KeyGroups;
using OrleansFlow.State;
using OrleansFlow.Tests.State;
using static OrleansFlow.Tests.State.StateTestSupport;

namespace OrleansFlow.Tests.Savepoints;

/// <summary>
/// Keyed state of every kind for the savepoint tests: each key k of [0, <see cref="KeyCount"/>) in a backend's range
/// has count = 10k, events = [a{k}, b{k}], totals = {x: k, y: k + 1}, max = k, mean's accumulator (2k + 2, 2) and
/// pairs = {(k, 1): 1} (a map whose keys cannot be JSON property names).
/// </summary>
internal static class SavepointTestStates
{
    public const int MaxParallelism = 128;
    public const int KeyCount = 1000;

    public static readonly ValueStateDescriptor<long> Count = new("count");
    public static readonly ListStateDescriptor<string> Events = new("events");
    public static readonly MapStateDescriptor<string, long> Totals = new("totals");
    public static readonly ReducingStateDescriptor<long> Max = new("max", Math.Max);
    public static readonly AggregatingStateDescriptor<long, (long Sum, long Count), double> Mean = new("mean", new AverageAggregate());
    public static readonly MapStateDescriptor<(long, long), long> Pairs = new("pairs");

    /// <summary>The JSON the API shows for each state of key <paramref name="k"/>.</summary>
    public static IReadOnlyDictionary<string, string> ExpectedJson(long k) => new Dictionary<string, string>
    {
        ["count"] = $"{k * 10}",
        ["events"] = $"""["a{k}","b{k}"]""",
        ["totals"] = $$"""{"x":{{k}},"y":{{k + 1}}}""",
        ["max"] = $"{k}",
        ["mean"] = $$"""{"Item1":{{2 * k + 2}},"Item2":2}""",
        ["pairs"] = $$"""[{"key":{"Item1":{{k}},"Item2":1},"value":1}]""",
    };

    /// <summary>A backend over <paramref name="range"/> filled as the type says.</summary>
    public static HeapKeyedStateBackend<long> Filled(KeyGroupRange range)
    {
        var backend = CreateBackend<long>(range.StartKeyGroup, range.EndKeyGroup, MaxParallelism);
        var count = backend.GetState(Count);
        var events = backend.GetListState(Events);
        var totals = backend.GetMapState(Totals);
        var max = backend.GetReducingState(Max);
        var mean = backend.GetAggregatingState(Mean);
        var pairs = backend.GetMapState(Pairs);
        for (var key = 0L; key < KeyCount; key++)
        {
            var keyGroup = KeyGroupOf(key, MaxParallelism);
            if (!range.Contains(keyGroup)) continue;
            backend.SetCurrentKey(key, keyGroup);
            count.Update(key * 10);
            events.AddAll([$"a{key}", $"b{key}"]);
            totals.Put("x", key);
            totals.Put("y", key + 1);
            max.Add(key);
            mean.Add(key);
            mean.Add(key + 2);
            pairs.Put((key, 1), 1);
        }
        return backend;
    }

    /// <summary>A key outside [0, KeyCount) (so without value) in the key group of <paramref name="key"/>.</summary>
    public static long AbsentKeyInKeyGroupOf(long key)
    {
        var keyGroup = KeyGroupOf(key, MaxParallelism);
        for (var candidate = (long)KeyCount; ; candidate++)
        {
            if (KeyGroupOf(candidate, MaxParallelism) == keyGroup) return candidate;
        }
    }
}
