using OrleansFlow.Api;

namespace OrleansFlow.Hosting;

/// <summary>A job type registered under a name in the silo's services.</summary>
/// <param name="Name">The name jobs are submitted by.</param>
/// <param name="JobType">A type implementing <see cref="IStreamJob"/>, created with dependency injection.</param>
public sealed record StreamJobRegistration(string Name, Type JobType);
