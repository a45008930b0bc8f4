using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OrleansFlow.Client.Api.Hosting;

namespace OrleansFlow.Client.Api.Security;

/// <summary>Decides <see cref="ApiAccessRequirement"/>.</summary>
internal sealed class ApiAccessAuthorizationHandler(ApiKeySet keys, IOptions<ApiOptions> options) : AuthorizationHandler<ApiAccessRequirement>
{
    /// <inheritdoc />
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiAccessRequirement requirement)
    {
        if (keys.IsEmpty || context.User.Identity is { IsAuthenticated: true, AuthenticationType: ApiKeyAuthenticationHandler.SchemeName })
        {
            context.Succeed(requirement);
        }
        else if (options.Value.AnonymousReads && context.Resource is HttpContext http
                 && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                 && http.Request.Headers.Authorization.Count == 0)
        {
            // A read without credentials; a read with a wrong key is still refused, so that a bad key is noticed at once.
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
