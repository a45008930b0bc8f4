namespace OrleansFlow.Connectors;

/// <summary>Where file sinks may write (section <c>OrleansFlow:Sinks</c> of the configuration).</summary>
public sealed class SinkOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "OrleansFlow:Sinks";

    /// <summary>
    /// The folders a file sink's <c>output</c> must lie in (absolute, or relative to the working directory); symbolic
    /// links are followed before the check. Empty (the default) means <c>{DataDirectory}/output</c> and the OS temp
    /// folder (<see cref="Path.GetTempPath"/>); a configured list replaces those.
    /// </summary>
    public List<string> AllowedDirectories { get; set; } = [];
}
