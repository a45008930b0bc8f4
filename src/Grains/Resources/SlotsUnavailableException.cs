namespace OrleansFlow.Resources;

/// <summary>A deployment found fewer free task slots than the job needs; nothing was deployed. The message gives the figures.</summary>
internal sealed class SlotsUnavailableException(string message) : Exception(message);
