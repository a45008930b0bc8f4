using Microsoft.AspNetCore.Authorization;

namespace OrleansFlow.Client.Api.Security;

/// <summary>
/// The API's fallback authorization requirement, for every route that does not allow anonymous access: met when no
/// API key is configured, when the request carries a valid key, or, with <c>OrleansFlow:Api:AnonymousReads</c>, when
/// it is a GET (or HEAD) without an <c>Authorization</c> header.
/// </summary>
internal sealed class ApiAccessRequirement : IAuthorizationRequirement;
