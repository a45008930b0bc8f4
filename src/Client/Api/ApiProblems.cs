using Microsoft.AspNetCore.Http;

namespace OrleansFlow.Client.Api;

/// <summary>The API's error answers: <c>application/problem+json</c> with a message a person understands.</summary>
public static class ApiProblems
{
    /// <summary>400 with <paramref name="detail"/>.</summary>
    public static IResult BadRequest(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    /// <summary>404 for an unknown job id.</summary>
    public static IResult JobNotFound(string jobId) =>
        Results.Problem(detail: $"Job '{jobId}' not found.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
