using OrleansFlow.LocalPaths;

namespace OrleansFlow.Connectors;

/// <summary>
/// Decides where a file sink's <c>output</c> may go (Flink's CVE-2020-17518 was the lack of this): a relative output
/// resolves under <see cref="RelativeRoot"/> (<c>{DataDirectory}/output</c>); the result, with every existing symbolic
/// link followed and <c>..</c> applied where the path really is (<see cref="RealPath"/>), must lie inside one of
/// <see cref="AllowedDirectories"/> (resolved the same way), compared case-insensitively on Windows and macOS and
/// exactly elsewhere. Anything else is refused with an <see cref="ArgumentException"/> that names
/// <c>OrleansFlow:Sinks:AllowedDirectories</c>. Reads link targets only; creates nothing.
/// </summary>
public sealed class SinkPathPolicy
{
    /// <summary>The setting that lists the allowed directories.</summary>
    public const string SettingName = "OrleansFlow:Sinks:AllowedDirectories";

    /// <summary>The folder, under the data directory, that relative outputs go into.</summary>
    public const string OutputFolder = "output";

    private readonly StringComparison _comparison;

    /// <summary>
    /// A policy allowing <paramref name="allowedDirectories"/> (made absolute from the working directory), with
    /// relative outputs under <paramref name="relativeRoot"/>; <paramref name="comparison"/> defaults to the platform's.
    /// </summary>
    public SinkPathPolicy(IEnumerable<string> allowedDirectories, string relativeRoot, StringComparison? comparison = null)
    {
        ArgumentNullException.ThrowIfNull(allowedDirectories);
        ArgumentException.ThrowIfNullOrWhiteSpace(relativeRoot);
        AllowedDirectories = allowedDirectories.Select(Path.GetFullPath).ToList();
        RelativeRoot = Path.GetFullPath(relativeRoot);
        _comparison = comparison ?? RealPath.PlatformComparison;
    }

    /// <summary>The allowed directories, absolute (as configured, before links are followed).</summary>
    public IReadOnlyList<string> AllowedDirectories { get; }

    /// <summary>Where relative outputs go.</summary>
    public string RelativeRoot { get; }

    /// <summary>The default allowed directories: <c>{dataDirectory}/output</c> and the OS temp folder.</summary>
    public static IReadOnlyList<string> DefaultAllowedDirectories(string dataDirectory) =>
        [Path.Combine(Path.GetFullPath(dataDirectory), OutputFolder), Path.GetTempPath()];

    /// <summary>The policy of a silo: <paramref name="sinks"/>' list (or the defaults), relative outputs under <c>{DataDirectory}/output</c>.</summary>
    public static SinkPathPolicy From(SinkOptions sinks, Hosting.OrleansFlowOptions runtime)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        ArgumentNullException.ThrowIfNull(runtime);
        var allowed = sinks.AllowedDirectories.Count > 0 ? sinks.AllowedDirectories : DefaultAllowedDirectories(runtime.DataDirectory);
        return new SinkPathPolicy(allowed, Path.Combine(Path.GetFullPath(runtime.DataDirectory), OutputFolder));
    }

    /// <summary>The real absolute folder <paramref name="output"/> leads to, when it is allowed.</summary>
    /// <exception cref="ArgumentException">It is not allowed, or not a path (the message says why and names the setting).</exception>
    public string Resolve(string output)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(output);
        if (output.IndexOfAny(Path.GetInvalidPathChars()) >= 0) throw new ArgumentException($"Output '{output}' is not a valid path.");
        var spelled = Path.IsPathRooted(output) ? output : Path.Join(RelativeRoot, output);
        string real;
        List<string> allowed;
        try
        {
            real = RealPath.Resolve(spelled);
            allowed = AllowedDirectories.Select(RealPath.Resolve).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"Output '{output}' cannot be resolved ({e.Message}), so it is not known to lie inside {SettingName}.", e);
        }
        if (allowed.Any(directory => RealPath.IsInside(real, directory, _comparison))) return real;
        var lexical = Path.GetFullPath(spelled);
        var how = AllowedDirectories.Any(directory => RealPath.IsInside(lexical, directory, _comparison))
            ? (HasParentSegment(output) ? " through '..' and symbolic links" : " through a symbolic link")
            : HasParentSegment(output) ? " through '..'" : "";
        throw new ArgumentException(
            $"Output '{output}' leads{how} to '{real}', which is outside the directories file sinks may write to ({SettingName}: " +
            $"{string.Join(", ", AllowedDirectories)}). Write inside one of them (a relative output goes under {RelativeRoot}), " +
            $"or add a directory to {SettingName}.");
    }

    private static bool HasParentSegment(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]).Contains("..");
}
