using OrleansFlow.Client.Api;

// The standalone REST client: an Orleans client of a running cluster (gateways from configuration), serving the same
// API as the silo co-hosts. Configuration: Orleans:GatewayPort (localhost clustering, default 30000) or
// Orleans:Redis (Redis clustering connection string); Urls (default http://127.0.0.1:8081).
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls(builder.Configuration["Urls"] ?? "http://127.0.0.1:8081");
builder.Services.AddProblemDetails();
builder.UseOrleansClient(client =>
{
    var clusterId = builder.Configuration["Orleans:ClusterId"] ?? "orleansflow";
    client.Configure<Orleans.Configuration.ClusterOptions>(o =>
    {
        o.ClusterId = clusterId;
        o.ServiceId = builder.Configuration["Orleans:ServiceId"] ?? "orleansflow";
    });
    var gatewayPort = int.Parse(builder.Configuration["Orleans:GatewayPort"] ?? "30000", System.Globalization.CultureInfo.InvariantCulture);
    client.UseLocalhostClustering(gatewayPort, builder.Configuration["Orleans:ServiceId"] ?? "orleansflow", clusterId);
});
var app = builder.Build();
app.UseExceptionHandler();
app.MapOrleansFlowApi();
app.Run();
