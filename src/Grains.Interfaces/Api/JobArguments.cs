namespace OrleansFlow.Api;

/// <summary>
/// The arguments a job was submitted with, read through the job's declarations (<see cref="IStreamJob.Parameters"/>):
/// an absent argument reads as its declared default. Reading an argument the job does not declare, or as another kind
/// than declared, is a programming error and throws <see cref="InvalidOperationException"/>, so the declarations
/// cannot drift from what <see cref="IStreamJob.Build"/> reads.
/// </summary>
public sealed class JobArguments
{
    private readonly Dictionary<string, string> _values;

    /// <summary>Wraps <paramref name="values"/> (keys compare case-insensitively), declared by <paramref name="parameters"/>.</summary>
    public JobArguments(IReadOnlyDictionary<string, string>? values, JobParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters;
        _values = values is null
            ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(values, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>All arguments given.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>The job's declarations.</summary>
    public JobParameters Parameters { get; }

    /// <summary>The <see cref="JobParameterKind.String"/> argument <paramref name="name"/>, or its default (possibly null) when absent or empty.</summary>
    /// <exception cref="InvalidOperationException">The job does not declare <paramref name="name"/> as a string.</exception>
    public string? GetString(string name)
    {
        var parameter = Declared(name, JobParameterKind.String);
        return _values.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : parameter.DefaultValue;
    }

    /// <summary>The <see cref="JobParameterKind.Int64"/> argument <paramref name="name"/>, or its default when absent.</summary>
    /// <exception cref="InvalidOperationException">The job does not declare <paramref name="name"/> as a whole number.</exception>
    /// <exception cref="ArgumentException">The value is not a whole number or is below the declared minimum.</exception>
    public long GetInt64(string name)
    {
        var parameter = Declared(name, JobParameterKind.Int64);
        var raw = Raw(name) ?? parameter.DefaultValue!;
        if (parameter.Check(raw) is { } error) throw new ArgumentException(error);
        JobParameter.TryParseInt64(raw, out var value);
        return value;
    }

    /// <summary>The <see cref="JobParameterKind.Boolean"/> argument <paramref name="name"/>, or its default when absent.</summary>
    /// <exception cref="InvalidOperationException">The job does not declare <paramref name="name"/> as a boolean.</exception>
    /// <exception cref="ArgumentException">The value is neither true nor false.</exception>
    public bool GetBoolean(string name)
    {
        var parameter = Declared(name, JobParameterKind.Boolean);
        var raw = Raw(name) ?? parameter.DefaultValue!;
        if (parameter.Check(raw) is { } error) throw new ArgumentException(error);
        JobParameter.TryParseBoolean(raw, out var value);
        return value;
    }

    private string? Raw(string name) => _values.TryGetValue(name, out var raw) && !string.IsNullOrWhiteSpace(raw) ? raw : null;

    private JobParameter Declared(string name, JobParameterKind kind)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Parameters.TryGet(name, out var parameter))
        {
            throw new InvalidOperationException(
                $"The job reads the argument '{name}', which it does not declare (declared: {(Parameters.Count == 0 ? "none" : string.Join(", ", Parameters.Names))}); add it to the job's Parameters.");
        }
        if (parameter.Kind != kind)
            throw new InvalidOperationException($"The job reads the argument '{name}' as {kind}, but declares it as {parameter.Kind}.");
        return parameter;
    }
}
