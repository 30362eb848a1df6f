using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;
using SdkNodes.Tests.Nodes;

namespace SdkNodes.Tests.Failures;

public sealed class ResponseSizeTests
{
    // GET /items/{id} answers id bytes of JSON-free text, with a Content-Length or chunked.
    private static Task<LoopbackServer> StartServerAsync() => LoopbackServer.StartAsync(app =>
    {
        app.MapGet("/items/{size:int}", async (HttpContext context, int size) =>
        {
            context.Response.ContentLength = size;
            await context.Response.WriteAsync(new string('x', size));
        });
        app.MapGet("/search", async (HttpContext context, int a) =>
        {
            // No Content-Length: the body arrives chunked, in pieces.
            for (int i = 0; i < a; i += 50)
            {
                await context.Response.WriteAsync(new string('y', Math.Min(50, a - i)));
                await context.Response.Body.FlushAsync();
            }
        });
    });

    [Theory]
    [InlineData(100)]
    [InlineData(1024)]
    public async Task DeclaredLength_AtTheLimit_IsRead(int limit)
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server, configure: o => o.MaxResponseBytes = limit);

        var result = await new GetItem { Id = limit.ToString(System.Globalization.CultureInfo.InvariantCulture) }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal(limit, result.RawBody?.Length);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(1024)]
    public async Task DeclaredLength_OverTheLimit_FailsWithResponseTooLarge(int limit)
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server, configure: o => o.MaxResponseBytes = limit);

        var result = await new GetItem { Id = (limit + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Failed, result.Outcome);
        Assert.Equal(200, result.StatusCode);
        Assert.Null(result.RawBody);
        var error = Assert.IsType<NodeError>(result.Error);
        Assert.Equal(NodeErrorKind.ResponseTooLarge, error.Kind);
        Assert.Contains(limit.ToString("N0", System.Globalization.CultureInfo.CurrentCulture), error.Message);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(1024)]
    public async Task ChunkedBody_AtTheLimit_IsRead(int limit)
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server, configure: o => o.MaxResponseBytes = limit);

        var result = await new Search { A = limit.ToString(System.Globalization.CultureInfo.InvariantCulture) }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal(limit, result.RawBody?.Length);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(1024)]
    public async Task ChunkedBody_OverTheLimit_FailsWithResponseTooLarge(int limit)
    {
        await using var server = await StartServerAsync();
        using var runtime = TestRuntime.For(server, configure: o => o.MaxResponseBytes = limit);

        var result = await new Search { A = (limit + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Failed, result.Outcome);
        Assert.Equal(NodeErrorKind.ResponseTooLarge, result.Error?.Kind);
        Assert.Null(result.RawBody);
    }
}
