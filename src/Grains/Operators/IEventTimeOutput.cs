using OrleansFlow.Tasks;

namespace OrleansFlow.Operators;

/// <summary>The event-time half of an operator output (<see cref="IOutput{T}"/>), independent of the record type.</summary>
internal interface IEventTimeOutput
{
    /// <summary>Event time reached <paramref name="watermark"/> for what follows.</summary>
    void EmitWatermark(Watermark watermark);

    /// <summary>The stream became idle or active.</summary>
    void EmitWatermarkStatus(WatermarkStatus status);
}
