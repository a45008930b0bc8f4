using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using OrleansFlow.Client.Api.Hosting;

namespace OrleansFlow.Client.Api.Limits;

/// <summary>
/// Makes <c>OrleansFlow:Api:MaxRequestBodyBytes</c> exact for a body without <c>Content-Length</c> (chunked): Kestrel's
/// own limit (<c>KestrelServerOptions.Limits.MaxRequestBodySize</c>, which checks a declared <c>Content-Length</c> before
/// anything is read) counts the chunk framing too, so a chunked body at the limit would be refused. For such a request
/// Kestrel's limit is lifted and the decoded body is counted instead, by <see cref="LimitedReadStream"/>, which throws the
/// same 413 <see cref="BadHttpRequestException"/> as Kestrel once it passes the limit.
/// </summary>
internal sealed class ChunkedBodyLimitMiddleware(RequestDelegate next, IOptions<ApiOptions> options)
{
    /// <summary>Runs the rest of the pipeline with the limit in place.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var size = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        var canHaveBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? false;
        if (request.ContentLength is null && canHaveBody && size is { IsReadOnly: false })
        {
            size.MaxRequestBodySize = null;
            request.Body = new LimitedReadStream(request.Body, options.Value.MaxRequestBodyBytes);
        }
        return next(context);
    }
}
