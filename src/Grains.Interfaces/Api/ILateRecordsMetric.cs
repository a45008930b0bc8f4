namespace OrleansFlow.Api;

/// <summary>A function that drops records arriving too late for event time (windows): the count its task reports as <c>numLateRecordsDropped</c>.</summary>
internal interface ILateRecordsMetric
{
    /// <summary>Records dropped as late since the function was created.</summary>
    long LateRecordsDropped { get; }
}
