namespace OrleansFlow.Tests.State;

/// <summary>Version 2 of <see cref="AccumulatorV1"/>: the same fields with the same ids, plus two new ones.</summary>
[GenerateSerializer]
public sealed class AccumulatorV2
{
    [Id(0)] public long Sum { get; set; }

    [Id(1)] public int Count { get; set; }

    [Id(2)] public string? Label { get; set; }

    [Id(3)] public double Mean { get; set; }
}
