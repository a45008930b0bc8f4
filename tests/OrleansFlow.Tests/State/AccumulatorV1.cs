namespace OrleansFlow.Tests.State;

/// <summary>Version 1 of a state record type (see <see cref="AccumulatorV2"/>).</summary>
[GenerateSerializer]
public sealed class AccumulatorV1
{
    [Id(0)] public long Sum { get; set; }

    [Id(1)] public int Count { get; set; }
}
