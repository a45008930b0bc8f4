namespace OrleansFlow.LocalPaths;

/// <summary>
/// Where a local path really leads, as <c>realpath -m</c> does: segments are followed from the root one by one, every
/// existing symbolic link is replaced by its target (relative targets from the link's folder, chains followed), and a
/// <c>..</c> goes up from where the path really is at that point, not from its spelling. Segments that do not exist
/// (yet) are kept as written. Reads the file system (link targets), writes nothing.
/// </summary>
internal static class RealPath
{
    /// <summary>The most links followed in one path before it counts as a loop (Linux's limit).</summary>
    public const int MaxLinks = 40;

    /// <summary>How this platform compares paths: case-insensitively on Windows and macOS, exactly elsewhere.</summary>
    public static StringComparison PlatformComparison =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The real absolute path of the absolute path <paramref name="path"/>.</summary>
    /// <exception cref="IOException">More than <see cref="MaxLinks"/> links (a loop).</exception>
    public static string Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!Path.IsPathRooted(path)) throw new ArgumentException($"'{path}' is not an absolute path.", nameof(path));
        var current = Path.GetPathRoot(path)!;
        var remaining = new LinkedList<string>(Segments(path));
        var links = 0;
        while (remaining.First is { } first)
        {
            var segment = first.Value;
            remaining.RemoveFirst();
            if (segment == ".") continue;
            if (segment == "..")
            {
                current = Path.GetDirectoryName(current) ?? current; // the root's parent is the root
                continue;
            }
            var candidate = Path.Join(current, segment);
            if (new FileInfo(candidate).LinkTarget is not { } target)
            {
                current = candidate;
                continue;
            }
            if (++links > MaxLinks) throw new IOException($"'{path}' goes through more than {MaxLinks} symbolic links (a loop?).");
            // Continue from the target (a relative one from the link's folder), re-walked from its root so links in it are followed too.
            var targetPath = Path.IsPathRooted(target) ? target : Path.Join(current, target);
            foreach (var part in Segments(targetPath).Reverse()) remaining.AddFirst(part);
            current = Path.GetPathRoot(targetPath)!;
        }
        return current;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="directory"/> or inside it (both absolute and normalised), comparing with <paramref name="comparison"/>.</summary>
    public static bool IsInside(string path, string directory, StringComparison comparison)
    {
        var dir = Path.TrimEndingDirectorySeparator(directory);
        var candidate = Path.TrimEndingDirectorySeparator(path);
        if (string.Equals(candidate, dir, comparison)) return true;
        var prefix = Path.EndsInDirectorySeparator(dir) ? dir : dir + Path.DirectorySeparatorChar; // the root keeps its separator
        return candidate.StartsWith(prefix, comparison);
    }

    private static string[] Segments(string path)
    {
        var root = Path.GetPathRoot(path) ?? "";
        return path[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
    }
}
