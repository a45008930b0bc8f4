using Microsoft.Extensions.Logging;
using OrleansFlow.Jobs;

namespace OrleansFlow.Resources;

/// <summary>
/// Keeps which job holds which slots, in memory; the slots on offer come from the active silos of the membership
/// (each silo's <see cref="ISiloSlotsGrain"/>, asked once per silo incarnation). Decisions are <see cref="SlotAssignment"/>'s.
/// </summary>
[KeepAlive]
internal sealed partial class SlotManagerGrain(IClusterMembershipService membership, ILogger<SlotManagerGrain> logger) : Grain, ISlotManagerGrain
{
    private static readonly TimeSpan SiloAnswerTimeout = TimeSpan.FromSeconds(5);
    private readonly Dictionary<string, IReadOnlyList<string>> _held = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _siloSlots = new(StringComparer.Ordinal);

    /// <summary>A fresh activation learns what the jobs that have not ended hold (they keep running while it was gone).</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        try
        {
            var jobs = await GrainFactory.GetGrain<IJobDirectoryGrain>(0).ListActive();
            var answers = await Task.WhenAll(jobs.Select(async id =>
            {
                try { return (id, Silos: await GrainFactory.GetGrain<IJobManagerGrain>(id).GetSlotAllocation()); }
                catch (Exception e) { LogRebuildFailed(e, id); return (id, Silos: (IReadOnlyList<string>?)null); }
            }));
            foreach (var (id, silos) in answers)
            {
                if (silos is { Count: > 0 }) _held[id] = silos;
            }
        }
        catch (Exception e)
        {
            LogRebuildFailed(e, "*");
        }
    }

    public async Task<SlotAllocation> Allocate(string jobId, int slots)
    {
        var result = await DecideAsync(jobId, slots);
        _held.Remove(jobId);
        if (result.Granted) _held[jobId] = result.Silos;
        LogAllocation(jobId, result.Describe());
        return result;
    }

    public Task<SlotAllocation> Check(string jobId, int slots) => DecideAsync(jobId, slots);

    public Task Release(string jobId)
    {
        _held.Remove(jobId);
        return Task.CompletedTask;
    }

    public async Task<ClusterSlots> GetOverview()
    {
        var capacity = await CapacityAsync();
        var free = SlotAssignment.FreeSlots(capacity, _held, exceptJob: null);
        return new ClusterSlots(capacity.Sum(c => c.Slots), free.Sum(f => f.Free), capacity.Count);
    }

    private async Task<SlotAllocation> DecideAsync(string jobId, int slots)
    {
        var capacity = await CapacityAsync();
        var free = SlotAssignment.FreeSlots(capacity, _held, jobId);
        var assigned = SlotAssignment.Assign(free, slots);
        return new SlotAllocation(assigned is not null, assigned ?? [], slots, free.Sum(f => f.Free), capacity.Sum(c => c.Slots), capacity.Count);
    }

    /// <summary>The active silos, in address order, with the slots each offers (a silo that does not answer offers none yet).</summary>
    private async Task<List<(string Silo, int Slots)>> CapacityAsync()
    {
        var active = membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active)
            .Select(m => m.SiloAddress.ToParsableString()).Order(StringComparer.Ordinal).ToList();
        foreach (var gone in _siloSlots.Keys.Except(active).ToList()) _siloSlots.Remove(gone);
        var unknown = active.Where(s => !_siloSlots.ContainsKey(s)).ToList();
        var answers = await Task.WhenAll(unknown.Select(async silo =>
        {
            try { return (silo, Slots: (int?)await GrainFactory.GetGrain<ISiloSlotsGrain>(silo).GetTaskSlots().WaitAsync(SiloAnswerTimeout)); }
            catch (Exception e) { LogSiloUnanswered(e, silo); return (silo, Slots: (int?)null); }
        }));
        foreach (var (silo, count) in answers)
        {
            if (count is { } known) _siloSlots[silo] = known;
        }
        return active.Select(s => (s, _siloSlots.GetValueOrDefault(s))).ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slots for job {JobId}: {Outcome}")]
    private partial void LogAllocation(string jobId, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silo} did not say how many task slots it offers; counted as none for now")]
    private partial void LogSiloUnanswered(Exception exception, string silo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The slot manager could not learn what job {JobId} holds")]
    private partial void LogRebuildFailed(Exception exception, string jobId);
}
