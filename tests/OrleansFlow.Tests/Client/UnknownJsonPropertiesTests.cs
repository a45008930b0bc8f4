using System.Text.Json;
using OrleansFlow.Client.Api;

namespace OrleansFlow.Tests.Client;

public sealed class UnknownJsonPropertiesTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };

    private sealed record Inner(int Count);

    private sealed record Outer(string? Name, Inner? Inner, Dictionary<string, JsonElement>? Free, List<Inner>? Items);

    private static string? Unknown(string json)
    {
        using var document = JsonDocument.Parse(json);
        return UnknownJsonProperties.Describe(document.RootElement, Web.GetTypeInfo(typeof(Outer)));
    }

    [Fact]
    public void Describe_WhenEveryPropertyIsKnown_ReturnsNull() =>
        Assert.Null(Unknown("""{"name":"a","INNER":{"count":1},"free":{"x":{"y":1}},"items":[{"count":2}]}"""));

    [Fact]
    public void Describe_WhenNestedObjectHasUnknown_NamesItsPath() =>
        Assert.Equal("Unknown property 'inner.cont' (did you mean 'inner.count'?) in 'inner'; known: inner.count.", Unknown("""{"inner":{"cont":1}}"""));

    [Fact]
    public void Describe_WhenBodyIsNotAnObject_LeavesItToTheDeserializer() => Assert.Null(Unknown("[1,2]"));

    [Fact]
    public void TryParse_WhenBodyHasUnknownProperty_RefusesBeforeDeserializing()
    {
        var ok = JsonRequestBody.TryParse<Outer>("""{"nam":"a"}"""u8.ToArray(), Web, "bad", out var value, out var error);

        Assert.False(ok);
        Assert.Null(value);
        Assert.Equal("Unknown property 'nam' (did you mean 'name'?) in the request body; known: name, inner, free, items.", error);
    }
}
