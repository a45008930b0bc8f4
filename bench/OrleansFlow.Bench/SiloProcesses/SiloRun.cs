namespace OrleansFlow.Bench.SiloProcesses;

/// <summary>One measured run of keyed-sum on fresh silo processes.</summary>
/// <param name="IdleResident">The largest resident set of a silo after it was ready, before the job (the floor).</param>
/// <param name="PeakResident">The largest peak resident set (<c>VmHWM</c>) of a silo, measured once the job ended.</param>
/// <param name="Seconds">The job's end time minus its start time, as its job manager recorded them.</param>
/// <param name="Events">The events the job generated (and its sum vertex received).</param>
public sealed record SiloRun(long IdleResident, long PeakResident, double Seconds, long Events)
{
    public double EventsPerSecond => Events / Seconds;
}
