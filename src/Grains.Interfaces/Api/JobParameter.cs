using System.Globalization;

namespace OrleansFlow.Api;

/// <summary>
/// One argument a job declares (<see cref="IStreamJob.Parameters"/>): its name (compared case-insensitively), kind,
/// description and default. Create one with <see cref="Int64"/>, <see cref="String"/> or <see cref="Boolean"/>.
/// </summary>
public sealed record JobParameter
{
    private JobParameter(string name, JobParameterKind kind, string description, string? defaultValue, long minimum)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(description);
        Name = name;
        Kind = kind;
        Description = description;
        DefaultValue = defaultValue;
        Minimum = minimum;
    }

    /// <summary>The argument's name.</summary>
    public string Name { get; }

    /// <summary>What its value must be.</summary>
    public JobParameterKind Kind { get; }

    /// <summary>What it means, for people.</summary>
    public string Description { get; }

    /// <summary>The value used when the argument is absent, as text (invariant culture); null when there is none.</summary>
    public string? DefaultValue { get; }

    /// <summary>The least value of an <see cref="JobParameterKind.Int64"/> argument (<see cref="long.MinValue"/> when unbounded).</summary>
    public long Minimum { get; }

    /// <summary>A whole-number argument of at least <paramref name="min"/>, <paramref name="defaultValue"/> when absent.</summary>
    public static JobParameter Int64(string name, long defaultValue, string description, long min = long.MinValue)
    {
        if (defaultValue < min) throw new ArgumentOutOfRangeException(nameof(defaultValue), $"The default of job argument '{name}' ({defaultValue}) is below its minimum {min}.");
        return new(name, JobParameterKind.Int64, description, defaultValue.ToString(CultureInfo.InvariantCulture), min);
    }

    /// <summary>A text argument, <paramref name="defaultValue"/> (possibly null: absent) when not given.</summary>
    public static JobParameter String(string name, string description, string? defaultValue = null) =>
        new(name, JobParameterKind.String, description, defaultValue, long.MinValue);

    /// <summary>A <c>true</c>/<c>false</c> argument, <paramref name="defaultValue"/> when absent.</summary>
    public static JobParameter Boolean(string name, bool defaultValue, string description) =>
        new(name, JobParameterKind.Boolean, description, defaultValue ? "true" : "false", long.MinValue);

    /// <summary>Why <paramref name="raw"/> is not a valid value of this argument, or null when it is (an empty value counts as absent).</summary>
    public string? Check(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        switch (Kind)
        {
            case JobParameterKind.Int64:
                if (!TryParseInt64(raw, out var value)) return $"Job argument '{Name}' must be a whole number, got '{raw}'.";
                return value < Minimum ? $"Job argument '{Name}' must be at least {Minimum}, got {value}." : null;
            case JobParameterKind.Boolean:
                return TryParseBoolean(raw, out _) ? null : $"Job argument '{Name}' must be true or false, got '{raw}'.";
            default:
                return null;
        }
    }

    internal static bool TryParseInt64(string raw, out long value) =>
        long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    internal static bool TryParseBoolean(string raw, out bool value) => bool.TryParse(raw.Trim(), out value);
}
