using System.Net;
using System.Text;
using static OrleansFlow.Tests.Rest.RestTestSupport;

namespace OrleansFlow.Tests.Rest.Security;

/// <summary>No API key, connection string, account key or password appears in an answer or in a log line of the silo.</summary>
[Collection("keyed-api")]
public sealed class SecretLeakTests(KeyedApiFixture api)
{
    [Fact]
    public async Task Secrets_WhenRequestsWithRightWrongAndNoKeysWereMade_AppearInNoAnswerAndNoLogEntry()
    {
        var answers = new StringBuilder();
        using var right = api.Silo.CreateClient(api.Key);
        using var second = api.Silo.CreateClient(api.SecondKey);
        using var wrong = api.Silo.CreateClient(api.WrongKey);
        foreach (var client in new[] { right, second, wrong, api.Silo.Client })
        {
            await Record(client.GetAsync("jobs"));
            await Record(client.GetAsync("overview"));
            await Record(client.GetAsync("jobs/0123456789abcdef0123456789abcdef"));
            await Record(client.PostAsync("jobs", JsonBody("""{"job":"no-such-job"}""")));
            await Record(client.PostAsync("jobs", JsonBody("{not json")));
            await Record(client.SendAsync(Limits.BodyRequests.Post("jobs", KeyedApiFixture.BodyLimit + 1)));
            await Record(client.GetAsync("savepoints/no-such-savepoint"));
            await Record(client.DeleteAsync("savepoints/..%2F.."));
            await Record(client.GetAsync("healthz/ready"));
        }
        var jobId = await SubmitAsync(right, """{"job":"keyed-sum","parallelism":1,"args":{"events":1000,"keys":10}}""");
        await WaitForStatusAsync(right, jobId, "FINISHED");

        var logs = api.SiloLogs.Entries;
        // The capture works, at every level: the silo's own trace, and the failed authentication of the wrong key.
        Assert.Contains(logs, e => e.StartsWith("Trace ", StringComparison.Ordinal));
        Assert.Contains(logs, e => e.Contains("was not authenticated", StringComparison.Ordinal));
        Assert.Contains(logs, e => e.Contains("answered 413", StringComparison.Ordinal));
        Assert.Contains("401", answers.ToString());
        Assert.Contains("413", answers.ToString());
        foreach (var secret in api.Secrets)
        {
            Assert.DoesNotContain(secret, answers.ToString(), StringComparison.Ordinal);
            var leaks = logs.Where(e => e.Contains(secret, StringComparison.Ordinal)).Take(3).ToList();
            Assert.True(leaks.Count == 0, $"A secret is in {leaks.Count}+ log entries, e.g.: {string.Join(Environment.NewLine, leaks).Replace(secret, "<secret>")}");
        }

        async Task Record(Task<HttpResponseMessage> call)
        {
            using var response = await call;
            answers.Append((int)response.StatusCode).Append(' ').AppendLine(response.ToString());
            answers.AppendLine(await response.Content.ReadAsStringAsync());
        }
    }
}
