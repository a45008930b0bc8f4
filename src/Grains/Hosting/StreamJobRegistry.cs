using Microsoft.Extensions.DependencyInjection;
using OrleansFlow.Api;

namespace OrleansFlow.Hosting;

/// <summary>The jobs this silo can run, by name (case-insensitive).</summary>
internal sealed class StreamJobRegistry
{
    private readonly Dictionary<string, Type> _jobs = new(StringComparer.OrdinalIgnoreCase);
    private readonly IServiceProvider _services;

    public StreamJobRegistry(IEnumerable<StreamJobRegistration> registrations, IServiceProvider services)
    {
        _services = services;
        foreach (var r in registrations) _jobs[r.Name] = r.JobType;
    }

    public IReadOnlyCollection<string> Names => _jobs.Keys;

    public bool TryCreate(string name, out IStreamJob? job)
    {
        if (!_jobs.TryGetValue(name, out var type))
        {
            job = null;
            return false;
        }
        job = (IStreamJob)ActivatorUtilities.CreateInstance(_services, type);
        return true;
    }
}
