using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrleansFlow.Client.Api.Health;

/// <summary>
/// Writes a probe's answer as JSON: <c>{"status":"Healthy","checks":{"silo":{"status":"Healthy","description":"…"}}}</c>,
/// one entry per check the probe ran, so an operator sees which check failed and why. Exceptions are not written (their
/// messages may carry connection details); a check's description says what failed.
/// </summary>
public static class HealthReportJsonWriter
{
    /// <summary>The <c>HealthCheckOptions.ResponseWriter</c> of both probes.</summary>
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            if (entry.Description is { } description) json.WriteString("description", description);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
