using OrleansFlow.State;
using static OrleansFlow.Tests.State.StateTestSupport;

namespace OrleansFlow.Tests.State;

/// <summary>
/// A heap backend over all 128 key groups with one state of every kind, including values that are changed in place
/// (a list held in a value state and mutated through <c>Value</c>, a list accumulator that the aggregate function
/// appends to): fills, mutates and dumps them, for the copy-on-write snapshot tests.
/// </summary>
internal sealed class AllStateKinds
{
    public const int MaxParallelism = 128;

    /// <summary>The state names, one per kind (and one mutable value state).</summary>
    public static readonly string[] Names = ["count", "tags", "events", "totals", "max", "samples"];

    public AllStateKinds(HeapKeyedStateBackend<long>? backend = null)
    {
        Backend = backend ?? CreateBackend<long>(0, MaxParallelism - 1, MaxParallelism);
        Count = Backend.GetState(new ValueStateDescriptor<long>("count", -1));
        Tags = Backend.GetState(new ValueStateDescriptor<List<string>?>("tags", null));
        Events = Backend.GetListState(new ListStateDescriptor<string>("events"));
        Totals = Backend.GetMapState(new MapStateDescriptor<string, long>("totals"));
        Max = Backend.GetReducingState(new ReducingStateDescriptor<long>("max", Math.Max));
        Samples = Backend.GetAggregatingState(new AggregatingStateDescriptor<long, List<long>, string>("samples", new CollectingAggregate()));
    }

    public HeapKeyedStateBackend<long> Backend { get; }
    public IValueState<long> Count { get; }
    public IValueState<List<string>?> Tags { get; }
    public IListState<string> Events { get; }
    public IMapState<string, long> Totals { get; }
    public IReducingState<long> Max { get; }
    public IAggregatingState<long, string> Samples { get; }

    /// <summary>A new backend restored from <paramref name="bytes"/>, with the same handles.</summary>
    public static AllStateKinds Restore(byte[] bytes)
    {
        var restored = new AllStateKinds();
        restored.Backend.Restore(new MemoryStream(bytes), restored.Backend.KeyGroupRange);
        return restored;
    }

    /// <summary>Gives keys [<paramref name="from"/>, <paramref name="to"/>) a value in every state.</summary>
    public void Fill(long from, long to)
    {
        for (var key = from; key < to; key++)
        {
            Backend.Select(key);
            Count.Update(key * 10);
            Tags.Update([$"t{key}"]);
            Events.AddAll([$"a{key}", $"b{key}"]);
            Totals.Put("x", key);
            Totals.Put("y", key + 1);
            Max.Add(key);
            Samples.Add(key);
            Samples.Add(key + 1);
        }
    }

    /// <summary>
    /// Changes state <paramref name="name"/> of keys [<paramref name="from"/>, <paramref name="to"/>) in every way its
    /// kind allows, depending on the key: updated or appended to in place, removed from, cleared, replaced, read only.
    /// </summary>
    public void Mutate(string name, long from, long to, int round = 1)
    {
        for (var key = from; key < to; key++)
        {
            Backend.Select(key);
            var way = (key + round) % 4;
            switch (name)
            {
                case "count" when way == 0: Count.Update(Count.Value + 1000 * round); break;
                case "count" when way == 1: Count.Clear(); break;
                case "count" when way == 2: Count.Update(-key); break;
                case "tags" when way == 0: Tags.Value?.Add($"r{round}"); break; // in place, without Update
                case "tags" when way == 1: Tags.Clear(); break;
                case "tags" when way == 2: Tags.Update(["new"]); break;
                case "events" when way == 0: Events.Add($"r{round}"); break;
                case "events" when way == 1: Events.Clear(); break;
                case "events" when way == 2: Events.AddAll(["p", "q"]); break;
                case "events" when way == 3: Events.Update([$"u{round}"]); break;
                case "totals" when way == 0: Totals.Put("x", -round); break;
                case "totals" when way == 1: Totals.Clear(); break;
                case "totals" when way == 2: Totals.Remove("y"); Totals.Remove("x"); break; // the last removal drops the key
                case "totals" when way == 3: Totals.Remove("y"); Totals.Put($"z{round}", key); break;
                case "max" when way == 0: Max.Add(1_000_000 * round + key); break;
                case "max" when way == 1: Max.Clear(); break;
                case "samples" when way == 0: Samples.Add(-round); break; // the accumulator list is appended to in place
                case "samples" when way == 1: Samples.Clear(); break;
            }
        }
    }

    /// <summary>Changes every state of keys [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public void MutateAll(long from, long to, int round = 1)
    {
        foreach (var name in Names) Mutate(name, from, to, round);
    }

    /// <summary>Every key and value of every state, as sorted lines <c>state/key=value</c>.</summary>
    public List<string> Dump()
    {
        var lines = new List<string>();
        foreach (var name in Names)
        {
            foreach (var key in KeysOf(Backend, name))
            {
                Backend.Select(key);
                lines.Add($"{name}/{key}=" + name switch
                {
                    "count" => Count.Value.ToString(),
                    "tags" => string.Join(",", Tags.Value!),
                    "events" => string.Join(",", Events.Get()),
                    "totals" => string.Join(",", Totals.Entries().OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}:{e.Value}")),
                    "max" => Max.TryGet(out var max) ? max.ToString() : "none",
                    _ => Samples.TryGet(out var samples) ? samples : "none",
                });
            }
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>Collects its inputs into the accumulator list, which it changes in place and returns.</summary>
    private sealed class CollectingAggregate : IAggregateFunction<long, List<long>, string>
    {
        public List<long> CreateAccumulator() => [];

        public List<long> Add(long value, List<long> accumulator)
        {
            accumulator.Add(value);
            return accumulator;
        }

        public string GetResult(List<long> accumulator) => string.Join(",", accumulator);
    }
}
