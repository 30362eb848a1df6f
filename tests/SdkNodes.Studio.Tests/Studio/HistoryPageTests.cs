using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using SdkNodes.Tool.Studio;
using SdkNodes.Tool.Studio.Pages;

namespace SdkNodes.Studio.Tests.Studio;

/// <summary>The History page's markup for runs, read from the studio's own session history.</summary>
public sealed class HistoryPageTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddMinutes(-5);

    [Fact]
    public async Task ARecoveredRun_IsMarked_AndARunOfOneWorkerIsNot()
    {
        using var history = new SessionHistory();
        await history.Sink.WriteRunAsync(Run("purchase-1", recovered: true), TestContext.Current.CancellationToken);
        await history.Sink.WriteRunAsync(Run("purchase-2", recovered: false), TestContext.Current.CancellationToken);

        string page = await RenderAsync(history);

        Assert.Contains("<h3>purchase-1 · <span class=\"status-Completed\">Completed</span> <span class=\"badge Recovered\">Recovered</span></h3>", page);
        Assert.Contains("<h3>purchase-2 · <span class=\"status-Completed\">Completed</span></h3>", page);
    }

    private static RunHistoryRecord Run(string name, bool recovered) => new()
    {
        RunId = name + "-id",
        Name = name,
        Status = RunStatus.Completed,
        StartedAt = Start,
        Elapsed = TimeSpan.FromSeconds(1),
        Recovered = recovered,
    };

    private static async Task<string> RenderAsync(StudioHistory history)
    {
        var nodes = new StudioNodes(Path.Combine(Path.GetTempPath(), "Nodes.dll"), []);
        IResult result = await HistoryPage.RenderAsync(nodes, history, new DefaultHttpContext().Request, TestContext.Current.CancellationToken);
        return Assert.IsType<ContentHttpResult>(result).ResponseContent!;
    }
}
