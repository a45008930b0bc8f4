using System.Net.Http.Headers;

namespace OrleansFlow.Tests.Rest.Limits;

/// <summary>
/// POST requests with a body of a given size. They send <c>Expect: 100-continue</c>, as curl does for large bodies: the
/// server refuses a declared <c>Content-Length</c> beyond its limit before the body is sent, so the client reads the 413
/// instead of having its connection reset while it still sends.
/// </summary>
internal static class BodyRequests
{
    /// <summary>POST <paramref name="path"/> with <paramref name="size"/> bytes of <c>a</c>; chunked: without Content-Length.</summary>
    public static HttpRequestMessage Post(string path, long size, bool chunked = false)
    {
        var bytes = new byte[size];
        Array.Fill(bytes, (byte)'a');
        HttpContent content = chunked ? new StreamContent(new UnknownLengthStream(bytes)) : new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.ExpectContinue = true;
        request.Headers.TransferEncodingChunked = chunked;
        return request;
    }

    /// <summary>A read-only stream that does not tell its length, as a producer writing on the fly.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;
    }
}
