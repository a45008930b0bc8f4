using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OrleansFlow.Client.Api.Hosting;

namespace OrleansFlow.Client.Api.Limits;

/// <summary>
/// Gives every API request a deadline (<c>OrleansFlow:Api:RequestTimeout</c>), so no call hangs on a busy or unreachable
/// cluster: when the handler has not answered by then, or its grain call failed because the cluster is unavailable
/// (<see cref="ClusterUnavailability"/>), the answer is a 503 <c>application/problem+json</c> with <c>Retry-After</c>.
/// A grain call cannot be cancelled, so the handler is awaited with <see cref="Task.WaitAsync(TimeSpan, CancellationToken)"/>
/// and left to end on its own. For that to be safe the request body is read into memory first (within the body limit),
/// before the deadline starts: a late handler then never touches the connection, which may serve the next request.
/// Handlers must read the request (route values, query, body) before their first grain call.
/// </summary>
internal sealed partial class ClusterDeadlineFilter(IOptions<ApiOptions> options, ILogger<ClusterDeadlineFilter> logger) : IEndpointFilter
{
    /// <summary>The <c>Retry-After</c> of a 503, in seconds.</summary>
    public const int RetryAfterSeconds = 5;

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        await BufferBodyAsync(http);
        var timeout = options.Value.RequestTimeout;
        var handler = next(context).AsTask();
        try
        {
            return await handler.WaitAsync(timeout, http.RequestAborted);
        }
        catch (TimeoutException) when (!handler.IsCompleted)
        {
            Observe(handler);
            LogDeadlinePassed(http.Request.Method, http.Request.Path, timeout.TotalSeconds);
            return Unavailable(http, $"The cluster did not answer within {timeout.TotalSeconds:0.###} s ({ApiOptions.SectionName}:RequestTimeout): it is busy or unreachable.");
        }
        catch (Exception e) when (handler.IsCompleted && ClusterUnavailability.IsUnavailable(e))
        {
            LogClusterUnavailable(e, http.Request.Method, http.Request.Path, e.GetType().Name);
            return Unavailable(http, e is TimeoutException
                ? "The cluster did not answer in time (an Orleans response timeout): it is busy or unreachable."
                : $"The cluster is unavailable ({e.GetType().Name}): no silo could take the request.");
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            Observe(handler);
            throw;
        }
    }

    private static async Task BufferBodyAsync(HttpContext http)
    {
        var request = http.Request;
        var canHaveBody = http.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? request.ContentLength > 0;
        if (!canHaveBody) return;
        var buffer = new MemoryStream();
        http.Response.RegisterForDispose(buffer);
        await request.Body.CopyToAsync(buffer, http.RequestAborted); // a body beyond the limit throws here: 413
        buffer.Position = 0;
        request.Body = buffer;
    }

    private static IResult Unavailable(HttpContext http, string detail)
    {
        var request = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            ? ""
            : " The request may still take effect: check before repeating it.";
        http.Response.Headers[HeaderNames.RetryAfter] = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(
            detail: $"{detail} Try again in {RetryAfterSeconds} s.{request}",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Cluster unavailable");
    }

    /// <summary>Observes the late handler's failure, so it is not an unobserved task exception.</summary>
    private void Observe(Task handler) =>
        handler.ContinueWith(
            t => LogLateHandlerFailed(t.Exception!.GetBaseException()),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: the cluster did not answer within {TimeoutSeconds} s")]
    private partial void LogDeadlinePassed(string method, string path, double timeoutSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: the cluster is unavailable ({ExceptionType})")]
    private partial void LogClusterUnavailable(Exception exception, string method, string path, string exceptionType);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A request handler answered 503 for its deadline failed later")]
    private partial void LogLateHandlerFailed(Exception exception);
}
