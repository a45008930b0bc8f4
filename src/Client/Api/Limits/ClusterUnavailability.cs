using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace OrleansFlow.Client.Api.Limits;

/// <summary>
/// Tells failures that mean "the cluster is busy or cannot be reached, try again" from every other failure (pure): an
/// Orleans response timeout, a rejected message (the target silo is unavailable, or no gateway is), a gateway that is
/// too busy, a lost connection, and an Orleans exception about the gateway; also when wrapped in another exception.
/// </summary>
internal static class ClusterUnavailability
{
    /// <summary>Whether <paramref name="exception"/>, or an exception it wraps, says the cluster is unavailable.</summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case TimeoutException or OrleansMessageRejectionException or GatewayTooBusyException or ConnectionFailedException:
                case OrleansException when e.Message.Contains("gateway", StringComparison.OrdinalIgnoreCase):
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsUnavailable):
                    return true;
            }
        }
        return false;
    }
}
