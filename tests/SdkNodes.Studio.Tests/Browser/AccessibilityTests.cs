using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SdkNodes.Studio.Tests.Browser;

/// <summary>axe-core over each kind of page: no serious or critical violation.</summary>
[Collection(StudioCollection.Name)]
public sealed class AccessibilityTests(StudioSession studio)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/nodes/SearchOrders")]
    [InlineData("/nodes/UploadInvoice")]
    [InlineData("/history")]
    public async Task APage_HasNoSeriousOrCriticalViolations(string path)
    {
        IPage page = await studio.NewPageAsync();
        await page.GotoAsync(path);

        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task ANodesPageWithAReport_HasNoSeriousOrCriticalViolations()
    {
        IPage page = await studio.NewPageAsync();
        await page.GotoAsync("/nodes/LookupCustomer");
        await page.Field("CustomerId").FillAsync("c-404");
        await page.SendTestAsync();
        await Expect(page.Locator("#report")).ToBeVisibleAsync();

        await AssertAccessibleAsync(page);
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        AxeResult result = await page.RunAxe();

        string[] serious = [.. result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")];
        Assert.True(serious.Length == 0, string.Join("\n", serious));
        Assert.NotEmpty(result.Passes);
    }
}
