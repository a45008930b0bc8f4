namespace OrleansFlow.Api.Graph;

/// <summary>
/// One operator of a job as the user described it. Transformations are numbered in the order the job creates them;
/// a transformation without an explicit uid gets <c>{kind}-{id}</c> (e.g. <c>map-2</c>), so the same job code gives
/// the same uids. Set explicit uids on stateful operators to keep savepoints compatible across graph changes.
/// </summary>
internal abstract class Transformation(int id, string kind, Transformation? input, Partitioning? inputPartitioning)
{
    private string? _uid;

    public int Id { get; } = id;

    public string Kind { get; } = kind;

    public Transformation? Input { get; } = input;

    public Partitioning? InputPartitioning { get; } = inputPartitioning;

    public string Uid => _uid ?? $"{Kind}-{Id}";

    public bool HasExplicitUid => _uid is not null;

    /// <summary>Whether this transformation starts event time (a source with a watermark strategy).</summary>
    public virtual bool StartsEventTime => false;

    /// <summary>Whether the operator can emit into side outputs (keyed process functions and windows).</summary>
    public virtual bool CanEmitSideOutputs => false;

    /// <summary>0 = the job's default parallelism.</summary>
    public int Parallelism { get; set; }

    public void SetUid(string uid)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uid);
        if (uid.Contains('/') || uid.Contains('\\'))
            throw new ArgumentException($"Operator uid '{uid}' must not contain '/' or '\\'.", nameof(uid));
        _uid = uid;
    }

    public abstract TResult Accept<TResult>(ITransformationVisitor<TResult> visitor, object? output);
}
