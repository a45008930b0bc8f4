using OrleansFlow.State;
using OrleansFlow.KeyGroups;
using OrleansFlow.Savepoints;
using OrleansFlow.Tests.State;
using static OrleansFlow.Tests.Savepoints.SavepointTestStates;

namespace OrleansFlow.Tests.Savepoints;

public sealed class StateEntryDecoderTests
{
    private static readonly KeyGroupRange All = new(0, MaxParallelism - 1);
    private readonly byte[] _bytes = StateTestSupport.SnapshotBytes(Filled(All), All, out _);
    private readonly SnapshotTypeResolver _types = new();

    [Theory]
    [InlineData(0L)]
    [InlineData(42L)]
    [InlineData(999L)]
    public void TryFindValue_WhenKeyPresent_RendersEveryStateKindAsJson(long key)
    {
        var keyGroup = KeyGroupAssignment.AssignToKeyGroup(key, MaxParallelism);

        foreach (var (stateName, expected) in ExpectedJson(key))
        {
            var (state, chunks) = SnapshotKeyGroupReader.ReadKeyGroup(new MemoryStream(_bytes), MaxParallelism, keyGroup, stateName);
            Assert.NotNull(state);
            Assert.True(_types.TryResolve(state.Value.KeyTypeName, out var keyType, out _));
            Assert.True(_types.TryResolve(state.Value.ValueTypeName, out var valueType, out var problem), problem);

            Assert.True(StateEntryDecoder.TryFindValue(StateTestSupport.Serializer, keyType, valueType, chunks, stateName, key, out var value), stateName);

            Assert.Equal(expected, StateValueJson.Render(value, valueType));
        }
    }

    [Fact]
    public void TryFindValue_WhenKeyHasNoEntryInItsKeyGroup_ReturnsFalse()
    {
        var absent = AbsentKeyInKeyGroupOf(42);
        var keyGroup = KeyGroupAssignment.AssignToKeyGroup(absent, MaxParallelism);
        var (_, chunks) = SnapshotKeyGroupReader.ReadKeyGroup(new MemoryStream(_bytes), MaxParallelism, keyGroup, "count");
        Assert.NotEmpty(chunks);

        Assert.False(StateEntryDecoder.TryFindValue(StateTestSupport.Serializer, typeof(long), typeof(long), chunks, "count", absent, out var value));
        Assert.Null(value);
    }

    [Fact]
    public void TryFindValue_WhenValuesAreNotOfTheGivenType_ThrowsNamingStateAndKeyGroup()
    {
        var keyGroup = KeyGroupAssignment.AssignToKeyGroup(42L, MaxParallelism);
        var (_, chunks) = SnapshotKeyGroupReader.ReadKeyGroup(new MemoryStream(_bytes), MaxParallelism, keyGroup, "events");

        var error = Assert.Throws<InvalidDataException>(() =>
            StateEntryDecoder.TryFindValue(StateTestSupport.Serializer, typeof(long), typeof(Dictionary<string, Guid>), chunks, "events", 42L, out _));

        Assert.Contains("'events'", error.Message);
        Assert.Contains($"key group {keyGroup}", error.Message);
    }

    [Fact]
    public void TryFindValue_WhenKeyIsOfAnotherType_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => StateEntryDecoder.TryFindValue(StateTestSupport.Serializer, typeof(long), typeof(long), [], "count", "42", out _));
    }
}
