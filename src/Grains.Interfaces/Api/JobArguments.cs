using System.Globalization;

namespace OrleansFlow.Api;

/// <summary>The string arguments a job was submitted with, with typed readers that fail with clear messages.</summary>
public sealed class JobArguments
{
    private readonly IReadOnlyDictionary<string, string> _values;

    /// <summary>Wraps <paramref name="values"/> (keys compare case-insensitively).</summary>
    public JobArguments(IReadOnlyDictionary<string, string>? values)
    {
        _values = values is null
            ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(values, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>All arguments.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>The argument <paramref name="name"/>, or <paramref name="defaultValue"/> when absent.</summary>
    public string? GetString(string name, string? defaultValue = null) =>
        _values.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v) ? v : defaultValue;

    /// <summary>The argument <paramref name="name"/> as a whole number ≥ <paramref name="min"/>.</summary>
    /// <exception cref="ArgumentException">The value is not a whole number or is below <paramref name="min"/>.</exception>
    public long GetInt64(string name, long defaultValue, long min = long.MinValue)
    {
        if (!_values.TryGetValue(name, out var raw) || string.IsNullOrWhiteSpace(raw)) return defaultValue;
        if (!long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            throw new ArgumentException($"Job argument '{name}' must be a whole number, got '{raw}'.");
        if (value < min)
            throw new ArgumentException($"Job argument '{name}' must be at least {min}, got {value}.");
        return value;
    }
}
