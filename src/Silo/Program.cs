using OrleansFlow.Silo;

// `dotnet run --project src/Silo -- --demo` starts one silo with the REST API on http://127.0.0.1:8081 and a demo job.
await OrleansFlowSiloHost.Build(args).RunAsync();
