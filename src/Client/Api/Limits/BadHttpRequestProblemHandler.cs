using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansFlow.Client.Api.Hosting;

namespace OrleansFlow.Client.Api.Limits;

/// <summary>
/// Answers a request the server could not read (<see cref="BadHttpRequestException"/>, e.g. a body beyond
/// <c>OrleansFlow:Api:MaxRequestBodyBytes</c>, with or without <c>Content-Length</c>) with its status code (413, 400, …)
/// as <c>application/problem+json</c>, instead of a 500.
/// </summary>
internal sealed partial class BadHttpRequestProblemHandler(IProblemDetailsService problems, IOptions<ApiOptions> options, ILogger<BadHttpRequestProblemHandler> logger)
    : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || httpContext.Response.HasStarted) return false;
        var limit = options.Value.MaxRequestBodyBytes;
        var (title, detail) = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? ("Request body too large", $"The request body is larger than {limit} bytes, the most this API accepts ({ApiOptions.SectionName}:MaxRequestBodyBytes).")
            : ("Bad request", $"The request could not be read: {bad.Message}");
        LogBadRequest(httpContext.Request.Method, httpContext.Request.Path, bad.StatusCode, bad.Message);
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = bad.StatusCode, Title = title, Detail = detail },
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} answered {StatusCode}: {Reason}")]
    private partial void LogBadRequest(string method, string path, int statusCode, string reason);
}
