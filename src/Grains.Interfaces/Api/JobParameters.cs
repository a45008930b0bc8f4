using System.Collections;
using System.Diagnostics.CodeAnalysis;
using OrleansFlow.Naming;

namespace OrleansFlow.Api;

/// <summary>
/// The arguments a job declares (<see cref="IStreamJob.Parameters"/>), in declaration order; names are unique,
/// case-insensitively. <see cref="Validate"/> decides whether a submission's arguments fit them (pure).
/// </summary>
public sealed class JobParameters : IReadOnlyList<JobParameter>
{
    private readonly List<JobParameter> _parameters;
    private readonly Dictionary<string, JobParameter> _byName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Declares <paramref name="parameters"/>.</summary>
    /// <exception cref="ArgumentException">Two parameters have the same name.</exception>
    public JobParameters(params JobParameter[] parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = [.. parameters];
        foreach (var parameter in _parameters)
        {
            ArgumentNullException.ThrowIfNull(parameter, nameof(parameters));
            if (!_byName.TryAdd(parameter.Name, parameter))
                throw new ArgumentException($"Job argument '{parameter.Name}' is declared twice.", nameof(parameters));
        }
    }

    /// <summary>A job that takes no arguments.</summary>
    public static JobParameters None { get; } = new();

    /// <inheritdoc />
    public int Count => _parameters.Count;

    /// <inheritdoc />
    public JobParameter this[int index] => _parameters[index];

    /// <summary>The declared names, in declaration order.</summary>
    public IReadOnlyList<string> Names => _parameters.ConvertAll(p => p.Name);

    /// <summary>The parameter named <paramref name="name"/> (case-insensitive).</summary>
    public bool TryGet(string name, [NotNullWhen(true)] out JobParameter? parameter) => _byName.TryGetValue(name, out parameter);

    /// <summary>
    /// The problems of <paramref name="arguments"/> for the job <paramref name="jobName"/>: first one sentence naming
    /// every argument that is not declared (with a suggestion where a declared name is close), then each value that
    /// does not fit its kind. Empty when they fit.
    /// </summary>
    public IReadOnlyList<string> Validate(IReadOnlyDictionary<string, string>? arguments, string jobName)
    {
        var errors = new List<string>();
        if (arguments is null || arguments.Count == 0) return errors;
        var unknown = arguments.Keys.Where(name => !_byName.ContainsKey(name)).Order(StringComparer.OrdinalIgnoreCase).ToList();
        if (unknown.Count > 0) errors.Add(NameSuggestions.DescribeUnknown("job argument", $"for job '{jobName}'", unknown, Names));
        foreach (var (name, value) in arguments.OrderBy(a => a.Key, StringComparer.OrdinalIgnoreCase))
        {
            if (_byName.TryGetValue(name, out var parameter) && parameter.Check(value) is { } error) errors.Add(error);
        }
        return errors;
    }

    /// <inheritdoc />
    public IEnumerator<JobParameter> GetEnumerator() => _parameters.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
