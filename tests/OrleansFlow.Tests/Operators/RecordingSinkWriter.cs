using OrleansFlow.Api;

namespace OrleansFlow.Tests.Operators;

/// <summary>A two-phase-commit writer whose pre-commits complete when the test says so.</summary>
internal sealed class RecordingSinkWriter : ITwoPhaseCommitSinkWriter<string>
{
    private readonly List<string> _open = [];

    /// <summary>Pre-commits by checkpoint id, completed by the test.</summary>
    public Dictionary<long, TaskCompletionSource<string?>> Prepares { get; } = [];

    public bool Disposed { get; private set; }

    public void Collect(string record) => _open.Add(record);

    public Task<string?> PrepareCommitAsync(long checkpointId)
    {
        var payload = _open.Count == 0 ? null : string.Join("+", _open);
        _open.Clear();
        var completion = new TaskCompletionSource<string?>();
        Prepares[checkpointId] = completion;
        return completion.Task.ContinueWith(t => t.Result ?? payload, TaskScheduler.Default);
    }

    public void EndOfInput() => throw new InvalidOperationException("The runtime seals instead.");

    public void Dispose() => Disposed = true;
}
