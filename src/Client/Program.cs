using OrleansFlow.Client;

// `dotnet run --project src/Client -- --Orleans:GatewayPort=30000 --Urls=http://127.0.0.1:8082`: the REST API as an
// Orleans client of a running cluster.
await OrleansFlowClientHost.Build(args).RunAsync();
