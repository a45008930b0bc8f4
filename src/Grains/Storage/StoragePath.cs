namespace OrleansFlow.Storage;

/// <summary>
/// Checks storage paths: relative, <c>/</c>-separated, no empty segment and none starting with <c>.</c> (so no
/// <c>..</c>, and names starting with <c>.</c> stay free for the implementations' staging), no backslash or control
/// character.
/// </summary>
public static class StoragePath
{
    /// <summary>The longest path accepted.</summary>
    public const int MaxLength = 1024;

    /// <summary>Throws <see cref="ArgumentException"/> naming the problem unless <paramref name="path"/> is a valid object path.</summary>
    public static string Check(string path) => Check(path, allowEmpty: false);

    /// <summary>Like <see cref="Check(string)"/> for a folder prefix, which may be empty (the root).</summary>
    public static string CheckPrefix(string prefix) => Check(prefix.TrimEnd('/'), allowEmpty: true);

    private static string Check(string path, bool allowEmpty)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            if (allowEmpty) return path;
            throw new ArgumentException("A storage path must not be empty.", nameof(path));
        }
        if (path.Length > MaxLength) throw new ArgumentException($"Storage path is longer than {MaxLength} characters.", nameof(path));
        if (path.Contains('\\')) throw new ArgumentException($"Storage path '{path}' must use '/' as separator.", nameof(path));
        if (path.Any(char.IsControl)) throw new ArgumentException($"Storage path '{path}' contains a control character.", nameof(path));
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment[0] == '.')
                throw new ArgumentException($"Storage path '{path}' must be relative, without empty segments or segments starting with '.'.", nameof(path));
        }
        return path;
    }
}
