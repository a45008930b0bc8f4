using OrleansFlow.Savepoints;

namespace OrleansFlow.Tests.Savepoints;

public sealed class SavepointKeyParserTests
{
    [Fact]
    public void TryParse_WhenKeyTypeIsPrimitive_ReturnsTheKeyOfThatType()
    {
        Assert.Equal(-42L, SavepointKeyParser.TryParse("-42", typeof(long), "System.Int64", out _));
        Assert.Equal(7, SavepointKeyParser.TryParse("7", typeof(int), "System.Int32", out _));
        Assert.Equal("word 7/ü", SavepointKeyParser.TryParse("word 7/ü", typeof(string), "System.String", out _));
        Assert.Equal((short)3, SavepointKeyParser.TryParse("3", typeof(short), "System.Int16", out _));
        Assert.Equal(true, SavepointKeyParser.TryParse("true", typeof(bool), "System.Boolean", out _));
        Assert.Equal('x', SavepointKeyParser.TryParse("x", typeof(char), "System.Char", out _));
        var guid = Guid.NewGuid();
        Assert.Equal(guid, SavepointKeyParser.TryParse(guid.ToString(), typeof(Guid), "System.Guid", out _));
    }

    [Fact]
    public void TryParse_WhenKeyTypeIsAValueTuple_ParsesJsonOfThatType()
    {
        var key = SavepointKeyParser.TryParse("""{"Item1":5,"Item2":"a"}""", typeof((long, string)), "System.ValueTuple<System.Int64, System.String>", out var problem);

        Assert.Equal((5L, "a"), key);
        Assert.Equal("", problem);
    }

    [Theory]
    [InlineData("abc", typeof(long), "System.Int64", "a whole number")]
    [InlineData("1.5", typeof(long), "System.Int64", "a whole number")]
    [InlineData("", typeof(long), "System.Int64", "a whole number")]
    [InlineData("9223372036854775808", typeof(long), "System.Int64", "9223372036854775807")]
    [InlineData("3000000000", typeof(int), "System.Int32", "2147483647")]
    [InlineData("xy", typeof(char), "System.Char", "exactly one character")]
    [InlineData("not-a-guid", typeof(Guid), "System.Guid", "GUID")]
    [InlineData("{oops", typeof(ValueTuple<long, string>), "System.ValueTuple<System.Int64, System.String>", "JSON")]
    public void TryParse_WhenTextIsNotAKeyOfTheType_ReturnsNullNamingTheType(string text, Type keyType, string keyTypeName, string expected)
    {
        Assert.Null(SavepointKeyParser.TryParse(text, keyType, keyTypeName, out var problem));

        Assert.Contains($"'{text}'", problem);
        Assert.Contains(keyTypeName, problem);
        Assert.Contains(expected, problem);
    }
}
