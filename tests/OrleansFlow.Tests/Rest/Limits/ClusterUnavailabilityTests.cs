using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using OrleansFlow.Client.Api.Limits;

namespace OrleansFlow.Tests.Rest.Limits;

/// <summary>Which failures of a grain call mean "the cluster is busy or unreachable" (a 503), and which do not (pure).</summary>
public sealed class ClusterUnavailabilityTests
{
    public static TheoryData<Exception> Unavailable => new()
    {
        new TimeoutException("Response did not arrive on time in 00:00:30 for message"),
        new SiloUnavailableException("The target silo became unavailable"),
        new GatewayTooBusyException(),
        new ConnectionFailedException("Unable to connect to S127.0.0.1:30000:0"),
        new OrleansException("Could not find any gateway in the cluster."),
        new InvalidOperationException("A job manager call failed", new SiloUnavailableException()),
        new AggregateException(new ArgumentException("one"), new TimeoutException("two")),
    };

    public static TheoryData<Exception> Other => new()
    {
        new ArgumentException("parallelism"),
        new InvalidOperationException("The job is not running."),
        new OrleansException("Activation failed for another reason."),
        new AggregateException(new ArgumentException("one"), new KeyNotFoundException("two")),
    };

    [Theory]
    [MemberData(nameof(Unavailable))]
    public void IsUnavailable_WhenTheClusterDidNotAnswer_IsTrue(Exception exception) =>
        Assert.True(ClusterUnavailability.IsUnavailable(exception));

    [Theory]
    [MemberData(nameof(Other))]
    public void IsUnavailable_WhenTheFailureIsAnotherOne_IsFalse(Exception exception) =>
        Assert.False(ClusterUnavailability.IsUnavailable(exception));
}
