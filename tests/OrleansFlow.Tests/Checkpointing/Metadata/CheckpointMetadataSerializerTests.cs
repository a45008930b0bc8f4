using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansFlow.Checkpointing;

namespace OrleansFlow.Tests.Checkpointing.Metadata;

public sealed class CheckpointMetadataSerializerTests
{
    [Fact]
    public void Deserialize_WhenSerializedMetadata_RoundTripsEveryField()
    {
        var metadata = MetadataSamples.Sample();

        var bytes = CheckpointMetadataSerializer.Serialize(metadata);
        var read = CheckpointMetadataSerializer.Deserialize(bytes);

        Assert.Equivalent(metadata, read, strict: true);
        Assert.Equal(metadata.TriggerTime, read.TriggerTime);
        Assert.Equal(metadata.Operators[0].States[1].KeyGroups, read.Operators[0].States[1].KeyGroups);
        Assert.Equal(bytes, CheckpointMetadataSerializer.Serialize(read));
    }

    [Fact]
    public void Serialize_WhenCalled_WritesIndentedCamelCaseJsonWithFormatVersionFirst()
    {
        var json = Encoding.UTF8.GetString(CheckpointMetadataSerializer.Serialize(MetadataSamples.Sample()));

        using var document = JsonDocument.Parse(json);
        var first = document.RootElement.EnumerateObject().First();
        Assert.Equal(("formatVersion", 3), (first.Name, first.Value.GetInt32()));
        Assert.StartsWith("{\n  \"formatVersion\": 3,", json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal("checkpoint", document.RootElement.GetProperty("kind").GetString());
        var state = document.RootElement.GetProperty("operators")[0].GetProperty("states")[1];
        Assert.Equal("sum-1", state.GetProperty("relativePath").GetString());
        Assert.Equal(3, state.GetProperty("keyGroups").GetProperty("start").GetInt32());
        Assert.Equal(4, state.GetProperty("keyGroups").GetProperty("end").GetInt32());
        Assert.Equal(2, state.GetProperty("keyGroupOffsets").GetArrayLength());
    }

    [Fact]
    public void Deserialize_WhenFormatVersionUnknown_ThrowsNamingBothVersions()
    {
        var json = Mutate(n => n["formatVersion"] = 7);

        var e = Assert.Throws<InvalidDataException>(() => CheckpointMetadataSerializer.Deserialize(json));

        Assert.Contains("format version 7; this version of OrleansFlow reads versions 2 to 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_WhenFormatVersion2WithoutOperatorStates_ReadsItWithNoOperatorState()
    {
        var json = Mutate(n =>
        {
            n["formatVersion"] = 2;
            foreach (var op in n["operators"]!.AsArray()) op!.AsObject().Remove("operatorStates");
        });

        var metadata = CheckpointMetadataSerializer.Deserialize(json);

        Assert.Equal(2, metadata.FormatVersion);
        Assert.All(metadata.Operators, o => Assert.Empty(o.OperatorStates));
    }

    [Fact]
    public void Deserialize_WhenFormatVersionMissing_ThrowsSayingSo()
    {
        var json = Mutate(n => n.AsObject().Remove("formatVersion"));

        var e = Assert.Throws<InvalidDataException>(() => CheckpointMetadataSerializer.Deserialize(json));

        Assert.Contains("formatVersion", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("<xml/>")]
    public void Deserialize_WhenGarbage_ThrowsNotValidJson(string garbage)
    {
        var e = Assert.Throws<InvalidDataException>(() => CheckpointMetadataSerializer.Deserialize(Encoding.UTF8.GetBytes(garbage)));

        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_WhenTruncated_ThrowsNotValidJson()
    {
        var bytes = CheckpointMetadataSerializer.Serialize(MetadataSamples.Sample());

        var e = Assert.Throws<InvalidDataException>(() => CheckpointMetadataSerializer.Deserialize(bytes.AsSpan(0, bytes.Length / 2)));

        Assert.Contains("truncated or corrupt", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_WhenEmpty_ThrowsSayingEmpty()
    {
        var e = Assert.Throws<InvalidDataException>(() => CheckpointMetadataSerializer.Deserialize([]));

        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_WhenJsonIsNotAnObject_ThrowsSayingSo()
    {
        var e = Assert.Throws<InvalidDataException>(() => CheckpointMetadataSerializer.Deserialize("[1, 2]"u8));

        Assert.Contains("must be a JSON object", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jobId")]
    [InlineData("maxParallelism")]
    [InlineData("operators")]
    public void Deserialize_WhenRequiredFieldMissing_ThrowsNamingTheField(string field)
    {
        var json = Mutate(n => n.AsObject().Remove(field));

        var e = Assert.Throws<InvalidDataException>(() => CheckpointMetadataSerializer.Deserialize(json));

        Assert.Contains($"'{field}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_WhenStateFieldMissing_ThrowsNamingTheField()
    {
        var json = Mutate(n => n["operators"]![0]!["states"]![0]!.AsObject().Remove("checksum"));

        var e = Assert.Throws<InvalidDataException>(() => CheckpointMetadataSerializer.Deserialize(json));

        Assert.Contains("'checksum'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_WhenRequiredFieldIsNull_ThrowsInvalidData()
    {
        var json = Mutate(n => n["jobName"] = null);

        var e = Assert.Throws<InvalidDataException>(() => CheckpointMetadataSerializer.Deserialize(json));

        Assert.Contains("jobName", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_WhenKeyGroupOffsetsCountDisagreesWithRange_ThrowsNamingTheFileAndCounts()
    {
        var json = Mutate(n => n["operators"]![0]!["states"]![0]!["keyGroupOffsets"] = new JsonArray(0, 10));

        var e = Assert.Throws<InvalidDataException>(() => CheckpointMetadataSerializer.Deserialize(json));

        Assert.Contains("'sum-0'", e.Message, StringComparison.Ordinal);
        Assert.Contains("3 key groups", e.Message, StringComparison.Ordinal);
        Assert.Contains("2 key-group offsets and 3 key-group lengths", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_WhenKeyGroupSectionBeyondFileSize_ThrowsInvalidData()
    {
        var json = Mutate(n => n["operators"]![0]!["states"]![1]!["size"] = 10);

        var e = Assert.Throws<InvalidDataException>(() => CheckpointMetadataSerializer.Deserialize(json));

        Assert.Contains("outside the file's 10 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_WhenKeyGroupRangeInvalid_ThrowsInvalidData()
    {
        var json = Mutate(n => n["operators"]![0]!["states"]![0]!["keyGroups"] = new JsonObject { ["start"] = 5, ["end"] = 1 });

        var e = Assert.Throws<InvalidDataException>(() => CheckpointMetadataSerializer.Deserialize(json));

        Assert.Contains("Key-group range", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_WhenUnknownPropertyPresent_IgnoresIt()
    {
        var json = Mutate(n => n["addedLater"] = "x");

        Assert.Equal("j", CheckpointMetadataSerializer.Deserialize(json).JobId);
    }

    [Fact]
    public void Serialize_WhenMetadataInconsistent_ThrowsAndWritesNothing()
    {
        var sample = MetadataSamples.Sample();
        var broken = sample with { MaxParallelism = 4 }; // sum-1 covers key groups 3..4

        var e = Assert.Throws<ArgumentException>(() => CheckpointMetadataSerializer.Serialize(broken));

        Assert.Contains("beyond maxParallelism 4", e.Message, StringComparison.Ordinal);
    }

    private static byte[] Mutate(Action<JsonNode> change)
    {
        var node = JsonNode.Parse(CheckpointMetadataSerializer.Serialize(MetadataSamples.Sample()))!;
        change(node);
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }
}
