using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OrleansFlow.Tests.Rest;

/// <summary>
/// Keeps every log entry of a host in memory (category, level, formatted message, exception with its inner ones), for
/// tests that grep what a host logs. Its configuration alias is <c>Capture</c>: <c>--Logging:Capture:LogLevel:Default=Trace</c>
/// captures everything whatever the other log level rules say.
/// </summary>
[ProviderAlias("Capture")]
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    /// <summary>The command-line setting that makes this provider capture every level of every category.</summary>
    public const string CaptureEverything = "--Logging:Capture:LogLevel:Default=Trace";

    /// <summary>The entries so far, one string each (several lines when there is an exception).</summary>
    public IReadOnlyList<string> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var entry = $"{logLevel} {category}[{eventId.Id}]: {formatter(state, exception)}";
            // The state's values too: a structured log may carry a value that the message template does not show.
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
                entry += " {" + string.Join(", ", values.Select(v => $"{v.Key}={v.Value}")) + "}";
            if (exception is not null) entry += Environment.NewLine + exception;
            entries.Enqueue(entry);
        }
    }
}
