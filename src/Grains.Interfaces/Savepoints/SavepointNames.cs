namespace OrleansFlow.Savepoints;

/// <summary>
/// The rule for savepoint names: one folder under <c>savepoints/</c>, so 1 to <see cref="MaxLength"/> ASCII letters,
/// digits, <c>-</c>, <c>_</c> or <c>.</c>, not starting with <c>.</c> (which excludes <c>.</c>, <c>..</c> and hidden
/// names). Anything else (a <c>/</c>, a backslash, spaces, control characters) could address another folder.
/// </summary>
public static class SavepointNames
{
    /// <summary>The longest name accepted.</summary>
    public const int MaxLength = 200;

    /// <summary>Null when <paramref name="name"/> is a valid savepoint name, else why it is not.</summary>
    public static string? FindProblem(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "A savepoint name must not be empty.";
        if (name.Length > MaxLength) return $"Savepoint name is longer than {MaxLength} characters.";
        if (name[0] == '.')
            return $"Savepoint name '{name}' is invalid: it must not start with '.' (so '.' and '..' are refused).";
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
                return $"Savepoint name '{Printable(name)}' is invalid: it may hold only ASCII letters, digits, '-', '_' and '.' (it is one folder under savepoints/), not '{Printable(c.ToString())}'.";
        }
        return null;
    }

    /// <summary>Whether <paramref name="name"/> is a valid savepoint name.</summary>
    public static bool IsValid(string? name) => FindProblem(name) is null;

    private static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
