using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;
using OrleansFlow.BuiltIn;
using OrleansFlow.Tasks;

namespace OrleansFlow.Tests.Channels;

/// <summary>Batches cross grains in one silo by reference: Orleans' copier (used for local calls) must not copy them.</summary>
public sealed class ImmutableBatchTests
{
    private static readonly IServiceProvider Services = new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(ChannelBatch).Assembly)).BuildServiceProvider();

    [Fact]
    public void Copy_WhenLocalCallCopiesChannelBatch_ReturnsSameInstanceWithSamePayload()
    {
        var copier = Services.GetRequiredService<DeepCopier<ChannelBatch>>();
        var records = new KeyedSumEvent[4096];
        var batch = new ChannelBatch(1, 0, 0, 7, new RecordBatch<KeyedSumEvent>(records, 10, new int[4096]));

        var copy = copier.Copy(batch);

        Assert.Same(batch, copy);
        Assert.Same(records, ((RecordBatch<KeyedSumEvent>)copy.Payload).Records);
    }

    [Fact]
    public void Serialize_WhenBatchCrossesSilos_RoundTripsRecordsAndKeyGroups()
    {
        var serializer = Services.GetRequiredService<Serializer>();
        var batch = new ChannelBatch(2, 1, 3, 9, new RecordBatch<KeyedSumEvent>([new(1, 10), new(2, 20), default], 2, [5, 6, 0]));

        var back = serializer.Deserialize<ChannelBatch>(serializer.SerializeToArray(batch))!;

        Assert.Equal((2, 1, 3, 9L), (back.Attempt, back.InputEdge, back.SourceSubtask, back.Sequence));
        var payload = Assert.IsType<RecordBatch<KeyedSumEvent>>(back.Payload);
        Assert.Equal(2, payload.Count);
        Assert.Equal(new KeyedSumEvent(2, 20), payload.Records[1]);
        Assert.Equal(6, payload.KeyGroups![1]);
    }
}
