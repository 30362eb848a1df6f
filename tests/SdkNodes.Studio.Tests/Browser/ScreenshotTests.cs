using Microsoft.Playwright;
using SdkNodes.Studio.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SdkNodes.Studio.Tests.Browser;

/// <summary>
/// The screenshots docs/studio.md shows: a node's page after a send, and the History page.
/// Taken on every run into the test output; written over docs/images/ when
/// SDKNODES_ACCEPT_SCREENSHOTS=1, as snapshots are accepted (so a test run leaves the tree clean).
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class ScreenshotTests(StudioSession studio)
{
    [Fact]
    public async Task ANodesPageAfterASend()
    {
        IPage page = await studio.NewPageAsync();
        await page.GotoAsync("/nodes/SearchOrders");
        await page.Field("Status").SelectOptionAsync("Accepted");
        await page.Field("IncludeLines").CheckAsync();
        await page.SendTestAsync();
        await Expect(page.Fact("status")).ToHaveTextAsync("200");
        await page.GetByText("Response as a C# type").ClickAsync();

        await TakeAsync(page, "studio-node.png");
    }

    [Fact]
    public async Task TheHistoryPage()
    {
        IPage page = await studio.NewPageAsync();
        await page.GotoAsync("/history");
        await Expect(page.Locator("section.run").First).ToBeVisibleAsync();

        await TakeAsync(page, "studio-history.png");
    }

    private static async Task TakeAsync(IPage page, string name)
    {
        string taken = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = taken, FullPage = true });

        Assert.True(new FileInfo(taken).Length > 10_000, $"{taken} is too small to be a page.");
        if (Environment.GetEnvironmentVariable("SDKNODES_ACCEPT_SCREENSHOTS") == "1")
        {
            File.Copy(taken, Path.Combine(BuiltOutputs.RepositoryRoot, "docs", "images", name), overwrite: true);
        }
    }
}
