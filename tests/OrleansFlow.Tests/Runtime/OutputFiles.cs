namespace OrleansFlow.Tests.Runtime;

/// <summary>Reads a file sink's result (the lines of its visible part- files) and computes expected results.</summary>
internal static class OutputFiles
{
    public static string NewDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "orleansflow-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static List<string> ReadResult(string directory) =>
        Directory.GetFiles(directory)
            .Where(f => Path.GetFileName(f).StartsWith("part-", StringComparison.Ordinal))
            .SelectMany(File.ReadAllLines)
            .ToList();

    /// <summary>keyed-sum's result: key k → Σ i for i &lt; events with i % keys == k.</summary>
    public static Dictionary<long, long> ExpectedKeyedSum(long events, long keys)
    {
        var expected = new Dictionary<long, long>();
        for (long i = 0; i < events; i++)
        {
            var k = i % keys;
            expected[k] = expected.GetValueOrDefault(k) + i;
        }
        return expected;
    }

    /// <summary>Parses "key,value" lines, failing on a duplicate key.</summary>
    public static Dictionary<long, long> ParsePairs(IEnumerable<string> lines)
    {
        var result = new Dictionary<long, long>();
        foreach (var line in lines)
        {
            var parts = line.Split(',');
            Assert.Equal(2, parts.Length);
            Assert.True(result.TryAdd(long.Parse(parts[0]), long.Parse(parts[1])), $"duplicate key in output: {line}");
        }
        return result;
    }
}
