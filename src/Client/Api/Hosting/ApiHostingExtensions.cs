using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansFlow.Client.Api.Health;
using OrleansFlow.Client.Api.Limits;
using OrleansFlow.Client.Api.Security;

namespace OrleansFlow.Client.Api.Hosting;

/// <summary>
/// Sets up the REST API the same way in the silo host and in the standalone client: <see cref="AddOrleansFlowApi"/> on
/// the builder, <see cref="UseOrleansFlowApi"/> on the application.
/// </summary>
public static class ApiHostingExtensions
{
    /// <summary>
    /// Listens on <c>Urls</c> (default <see cref="ApiListenUrls.Default"/>), binds and checks <see cref="ApiOptions"/>
    /// (throwing an <see cref="OptionsValidationException"/> at once, before anything starts, when they are invalid or
    /// when no key is set and the API would listen on anything but loopback), and adds API key authentication, the
    /// fallback authorization policy, the body limit, the problem+json error answers and the health check service.
    /// Each host adds its own readiness checks with the tag <see cref="ApiHealthTags.Ready"/>.
    /// </summary>
    public static WebApplicationBuilder AddOrleansFlowApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var config = builder.Configuration;
        var urls = config["Urls"] ?? ApiListenUrls.Default;
        builder.WebHost.UseUrls(urls);
        var listenUrls = ApiListenUrls.Split(urls)
            .Concat(config.GetSection("Kestrel:Endpoints").GetChildren().Select(endpoint => endpoint["Url"]).OfType<string>())
            .ToList();
        var validator = new ApiOptionsValidator(listenUrls);
        var section = config.GetSection(ApiOptions.SectionName);
        var checkedNow = validator.Validate(Options.DefaultName, section.Get<ApiOptions>() ?? new ApiOptions());
        if (checkedNow.Failed) throw new OptionsValidationException(Options.DefaultName, typeof(ApiOptions), checkedNow.Failures);

        var services = builder.Services;
        services.AddOptions<ApiOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiOptions>>(validator);
        services.AddProblemDetails();
        services.AddExceptionHandler<BadHttpRequestProblemHandler>();
        services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<ApiOptions>>((kestrel, api) => kestrel.Limits.MaxRequestBodySize = api.Value.MaxRequestBodyBytes);
        services.AddSingleton<ApiKeySet>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, configureOptions: null);
        services.AddSingleton<IAuthorizationHandler, ApiAccessAuthorizationHandler>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().AddRequirements(new ApiAccessRequirement()).Build());
        services.AddHealthChecks();
        return builder;
    }

    /// <summary>
    /// Adds the error handling, body limit and authentication middleware, maps the probes <c>GET /healthz</c> (alive) and
    /// <c>GET /healthz/ready</c> (ready: 200, else 503), both open without a key, and maps every API route in a group
    /// whose requests have a deadline (<see cref="ClusterDeadlineFilter"/>).
    /// </summary>
    public static WebApplication UseOrleansFlowApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseMiddleware<ChunkedBodyLimitMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        MapProbe(app, "/healthz", ApiHealthTags.Live);
        MapProbe(app, "/healthz/ready", ApiHealthTags.Ready);
        app.MapGroup("").AddEndpointFilter<ClusterDeadlineFilter>().MapOrleansFlowApi();
        return app;
    }

    private static void MapProbe(WebApplication app, string pattern, string tag) =>
        app.MapHealthChecks(pattern, new HealthCheckOptions { Predicate = check => check.Tags.Contains(tag), ResponseWriter = HealthReportJsonWriter.WriteAsync })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
            .AllowAnonymous();
}
