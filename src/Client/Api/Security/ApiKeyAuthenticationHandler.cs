using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OrleansFlow.Client.Api.Hosting;

namespace OrleansFlow.Client.Api.Security;

/// <summary>
/// The <c>ApiKey</c> authentication scheme: <c>Authorization: Bearer KEY</c> with one of <c>OrleansFlow:Api:Keys</c>.
/// A request without the header is not authenticated (no result); a header that is not a Bearer key, or a key that is
/// not configured, fails. The challenge is a 401 <c>application/problem+json</c> with <c>WWW-Authenticate: Bearer</c>.
/// Neither the key sent nor a configured one is ever logged or written in an answer.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeySet keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "ApiKey";

    private const string BearerPrefix = "Bearer ";
    private const string Realm = "OrleansFlow";

    private static readonly string NotBearerMessage =
        $"The Authorization header is not 'Bearer <key>'; send 'Authorization: Bearer <key>' with one of the keys of {ApiOptions.SectionName}:Keys.";

    private static readonly string UnknownKeyMessage = $"The API key sent is not one of {ApiOptions.SectionName}:Keys.";

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (keys.IsEmpty) return Task.FromResult(AuthenticateResult.NoResult());
        var headers = Request.Headers.Authorization;
        if (headers.Count == 0) return Task.FromResult(AuthenticateResult.NoResult());
        var header = headers.Count == 1 ? headers[0] : null;
        if (header is null || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.Fail(NotBearerMessage));
        var key = header[BearerPrefix.Length..].Trim();
        if (key.Length == 0) return Task.FromResult(AuthenticateResult.Fail(NotBearerMessage));
        if (!keys.Contains(key)) return Task.FromResult(AuthenticateResult.Fail(UnknownKeyMessage));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "api-key")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    /// <inheritdoc />
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var failure = result.Failure?.Message;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers[HeaderNames.WWWAuthenticate] = failure is null
            ? $"Bearer realm=\"{Realm}\""
            : $"Bearer realm=\"{Realm}\", error=\"invalid_token\"";
        var detail = failure
            ?? $"This API needs an API key: send 'Authorization: Bearer <key>' with one of the keys of {ApiOptions.SectionName}:Keys.";
        var problems = Context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = StatusCodes.Status401Unauthorized, Title = "Unauthorized", Detail = detail },
        });
    }
}
