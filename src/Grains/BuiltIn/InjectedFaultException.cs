namespace OrleansFlow.BuiltIn;

/// <summary>The failure <see cref="FaultInjection"/> throws.</summary>
public sealed class InjectedFaultException(string message) : Exception(message);
