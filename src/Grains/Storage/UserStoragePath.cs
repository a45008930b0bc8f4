using System.Text.RegularExpressions;
using OrleansFlow.LocalPaths;

namespace OrleansFlow.Storage;

/// <summary>
/// The one place where a path given from outside (<c>targetDirectory</c>, <c>savepointPath</c>) becomes a storage
/// path (decides; reads link targets only). Accepted: a relative <c>/</c>-separated path (<see cref="StoragePath"/>:
/// no <c>..</c>, no empty segment, none starting with <c>.</c>); or, on the local folder storage only, an absolute path
/// or <c>file://</c> URI that lies inside the storage root (symbolic links followed), which is made relative to it.
/// Anything else (an absolute path outside the root or on Azure storage, another URI scheme, a <c>..</c> segment) is
/// refused with an <see cref="ArgumentException"/> that says what a storage path is: a path is never rebased silently
/// (<c>/tmp/sp</c> is not <c>tmp/sp</c>).
/// </summary>
internal static partial class UserStoragePath
{
    /// <summary>
    /// The storage path (relative, without a trailing <c>/</c>; empty for the root itself) of <paramref name="input"/>,
    /// the value of the request field <paramref name="field"/>. <paramref name="localRoot"/> is the local folder
    /// storage's root, or null when the storage is not a local folder (then no absolute path is a storage path).
    /// </summary>
    /// <exception cref="ArgumentException">It is not a storage path (the message names the field and says what one is).</exception>
    public static string Normalize(string input, string field, string? localRoot, StringComparison? comparison = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        var path = input.Trim();
        string? local = null;
        if (path.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(path, UriKind.Absolute, out var uri) || !uri.IsFile || uri.IsUnc || !(uri.Host.Length == 0 || uri.IsLoopback))
                throw Refused(input, field, localRoot, "it is not a file:// URI of this machine (file:///path)");
            local = uri.LocalPath;
        }
        else if (UriScheme().IsMatch(path))
        {
            throw Refused(input, field, localRoot, "it is a URI; only file:// URIs inside the storage root are storage paths");
        }
        else if (path.StartsWith('/') || path.StartsWith('\\') || Path.IsPathRooted(path))
        {
            local = path;
        }
        if (HasParentSegment(local ?? path)) throw Refused(input, field, localRoot, "it has a '..' segment");
        if (local is not null)
        {
            if (localRoot is null) throw Refused(input, field, null, "it is an absolute file-system path, and this silo's storage is not a local folder");
            string real, root;
            try
            {
                real = RealPath.Resolve(Path.GetFullPath(local));
                root = RealPath.Resolve(Path.GetFullPath(localRoot));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw Refused(input, field, localRoot, $"it cannot be resolved ({e.Message})");
            }
            if (!RealPath.IsInside(real, root, comparison ?? RealPath.PlatformComparison))
                throw Refused(input, field, localRoot, $"it is outside the storage root (it leads to {real})");
            path = Path.GetRelativePath(root, real).Replace(Path.DirectorySeparatorChar, '/');
            if (path == ".") return "";
        }
        path = path.TrimEnd('/');
        try
        {
            return StoragePath.CheckPrefix(path);
        }
        catch (ArgumentException e)
        {
            throw Refused(input, field, localRoot, e.Message.Split(" (Parameter", 2)[0].TrimEnd('.'));
        }
    }

    /// <summary>What a storage path is, for messages.</summary>
    public static string Describe(string? localRoot) => localRoot is null
        ? "a path relative to the storage root (the blob container), such as savepoints/my-sp; absolute file-system paths are not storage paths on Azure Blob storage"
        : $"a path relative to the storage root, such as savepoints/my-sp; or an absolute path or file:// URI inside the storage root {localRoot}";

    private static ArgumentException Refused(string input, string field, string? localRoot, string reason) =>
        new($"{field} '{input}' is not a storage path: {reason}. A storage path is {Describe(localRoot)}.");

    private static bool HasParentSegment(string path) => path.Split('/', '\\').Contains("..");

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*://")]
    private static partial Regex UriScheme();
}
