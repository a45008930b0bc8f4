using System.Globalization;

namespace OrleansFlow.Connectors;

/// <summary>
/// The name of a file sink's part: <c>part-{jobId}-{subtask}-{attempt}-{sequence}</c>, unique per job, subtask, attempt
/// and transaction. While its transaction is open or pre-committed it lives hidden as <c>.{name}.inprogress</c>
/// (local folder) or as uncommitted blocks (blob storage).
/// </summary>
internal readonly record struct PartFileName(string JobId, int Subtask, int Attempt, int Sequence)
{
    private const string HiddenSuffix = ".inprogress";

    /// <summary>The visible name.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"part-{JobId}-{Subtask}-{Attempt}-{Sequence}");

    /// <summary>The hidden name of the part before it is committed.</summary>
    public string HiddenName => $".{this}{HiddenSuffix}";

    /// <summary>The prefix every hidden part of <paramref name="jobId"/> starts with.</summary>
    public static string HiddenPrefix(string jobId) => $".part-{jobId}-";

    /// <summary>Parses a visible part name of <paramref name="jobId"/>; false for any other name (including paths).</summary>
    public static bool TryParse(string jobId, string name, out PartFileName part)
    {
        part = default;
        var prefix = $"part-{jobId}-";
        if (!name.StartsWith(prefix, StringComparison.Ordinal)) return false;
        var numbers = name[prefix.Length..].Split('-');
        if (numbers.Length != 3) return false;
        if (!int.TryParse(numbers[0], NumberStyles.None, CultureInfo.InvariantCulture, out var subtask)
            || !int.TryParse(numbers[1], NumberStyles.None, CultureInfo.InvariantCulture, out var attempt)
            || !int.TryParse(numbers[2], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)) return false;
        part = new PartFileName(jobId, subtask, attempt, sequence);
        return part.ToString() == name;
    }

    /// <summary>Parses a hidden part name of <paramref name="jobId"/>.</summary>
    public static bool TryParseHidden(string jobId, string name, out PartFileName part)
    {
        part = default;
        return name.StartsWith('.') && name.EndsWith(HiddenSuffix, StringComparison.Ordinal)
            && TryParse(jobId, name[1..^HiddenSuffix.Length], out part);
    }

    /// <summary>Parses a part name of any job (the job id is the text between <c>part-</c> and the three numbers).</summary>
    public static bool TryParseAnyJob(string name, out PartFileName part)
    {
        part = default;
        var dashes = 0;
        var i = name.Length - 1;
        for (; i >= 0 && dashes < 3; i--)
        {
            if (name[i] == '-') dashes++;
        }
        if (dashes < 3 || !name.StartsWith("part-", StringComparison.Ordinal) || i + 1 <= "part-".Length) return false;
        return TryParse(name["part-".Length..(i + 1)], name, out part);
    }
}
