using OrleansFlow.State;
using static OrleansFlow.Tests.State.StateTestSupport;

namespace OrleansFlow.Tests.State;

/// <summary>
/// State types evolve as Orleans' version-tolerant serializer allows: a snapshot written with one version of a state
/// record type restores into the next version (new fields start at their defaults) and into the previous one (unknown
/// fields are skipped).
/// </summary>
public sealed class StateTypeEvolutionTests
{
    private static readonly long[] Keys = Enumerable.Range(0, 500).Select(i => (long)i * 7).ToArray();

    [Fact]
    public void Restore_WhenStateTypeGainedFields_RestoresTheOldFieldsAndDefaultsTheNewOnes()
    {
        var v1 = CreateBackend<long>(0, 127);
        var write = v1.GetState(new ValueStateDescriptor<AccumulatorV1>("acc"));
        foreach (var key in Keys)
        {
            v1.Select(key);
            write.Update(new AccumulatorV1 { Sum = key * 10, Count = (int)(key % 13) + 1 });
        }
        var bytes = SnapshotBytes(v1);

        var v2 = CreateBackend<long>(0, 127);
        v2.Restore(new MemoryStream(bytes), v2.KeyGroupRange);
        var read = v2.GetState(new ValueStateDescriptor<AccumulatorV2>("acc"));

        foreach (var key in Keys)
        {
            v2.Select(key);
            var value = read.Value;
            Assert.NotNull(value);
            Assert.Equal((key * 10, (int)(key % 13) + 1, (string?)null, 0.0), (value.Sum, value.Count, value.Label, value.Mean));
        }
        Assert.Equal(Keys.Order(), KeysOf(v2, "acc").Order());
    }

    [Fact]
    public void Restore_WhenStateTypeLostFields_SkipsThemAndRestoresTheRest()
    {
        var v2 = CreateBackend<long>(0, 127);
        var write = v2.GetState(new ValueStateDescriptor<AccumulatorV2>("acc"));
        foreach (var key in Keys)
        {
            v2.Select(key);
            write.Update(new AccumulatorV2 { Sum = key, Count = 3, Label = $"k{key}", Mean = key / 3.0 });
        }
        var bytes = SnapshotBytes(v2);

        var v1 = CreateBackend<long>(0, 127);
        v1.Restore(new MemoryStream(bytes), v1.KeyGroupRange);
        var read = v1.GetState(new ValueStateDescriptor<AccumulatorV1>("acc"));

        foreach (var key in Keys)
        {
            v1.Select(key);
            Assert.Equal((key, 3), (read.Value!.Sum, read.Value.Count));
        }
    }
}
