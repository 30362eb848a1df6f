using SdkNodes.Tests.Infrastructure;
using SdkNodes.Tests.Nodes;

namespace SdkNodes.Tests.Failures;

/// <summary>Whatever a caller's handler throws becomes the node's failure, with its one history record.</summary>
public class HandlerExceptionTests
{
    private sealed class ThrowingHandler(Exception exception) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromException<HttpResponseMessage>(exception);
    }

    [Theory]
    [InlineData(typeof(InvalidOperationException))]
    [InlineData(typeof(TaskCanceledException))]
    public async Task HandlerThrowing_UnderContinue_IsAFailedResult_WithOneHistoryRecord(Type exceptionType)
    {
        var history = new InMemoryHistorySink();
        var options = new NodeRuntimeOptions { BaseAddress = new Uri("http://127.0.0.1:9/") };
        options.HistorySinks.Add(history);
        using var handler = new ThrowingHandler((Exception)Activator.CreateInstance(exceptionType, "boom")!);
        using var runtime = new NodeRuntime(options, handler);

        var result = await new GetItem { Id = "1" }.SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Failed, result.Outcome);
        Assert.Equal(NodeErrorKind.Unknown, result.Error!.Kind);
        Assert.Contains("127.0.0.1:9", result.Error.Message);
        Assert.Equal(NodeOutcome.Failed, Assert.Single(history.Records).Outcome);
    }
}
