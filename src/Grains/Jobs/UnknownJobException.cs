namespace OrleansFlow.Jobs;

/// <summary>A submission named a job that no silo registered.</summary>
internal sealed class UnknownJobException(string name, IEnumerable<string> known)
    : Exception($"No job named '{name}' is registered. Registered jobs: {string.Join(", ", known.Order())}.");
