using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace SdkNodes.Tool.Studio;

/// <summary>
/// Refuses any request whose Host header is not the loopback address and port the studio
/// serves. A page on another site that makes its own name resolve to 127.0.0.1 (DNS
/// rebinding) still sends its own name as the Host, so it cannot drive the studio.
/// </summary>
internal static class LoopbackHostCheck
{
    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        string expected = "127.0.0.1:" + context.Connection.LocalPort.ToString(CultureInfo.InvariantCulture);
        if (string.Equals(context.Request.Host.Value, expected, StringComparison.OrdinalIgnoreCase))
        {
            await next();
            return;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(
            $"Refused: the Host header '{context.Request.Host.Value}' is not {expected}. The studio answers only requests for its own loopback address (this stops DNS rebinding); open http://{expected}/.");
    }
}
