using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SdkNodes.Studio.Tests.Browser;

/// <summary>The History page over the SQLite history the sample's main job wrote.</summary>
[Collection(StudioCollection.Name)]
public sealed class HistoryPageTests(StudioSession studio)
{
    [Fact]
    public async Task TheSamplesAbortedRun_IsShown_WithItsNotExecutedNodeMarked()
    {
        IPage page = await studio.NewPageAsync();
        await page.GotoAsync("/history");

        ILocator aborted = page.GetByRole(AriaRole.Region, new() { Name = "Run approve-purchase" }).First;
        await Expect(aborted.Locator("h3")).ToHaveTextAsync("approve-purchase · Aborted by ReserveStock");
        await Expect(aborted.Locator("tbody tr td:first-child")).ToHaveTextAsync(["ReserveStock", "PushOrder"]);
        ILocator notRun = aborted.Locator("tr[data-outcome=NotExecuted]");
        await Expect(notRun.Locator(".badge.NotExecuted")).ToHaveTextAsync("NotExecuted");
        await Expect(aborted.Locator("tr[data-outcome=Failed]")).ToContainTextAsync("The warehouse has no stock left for this item");

        ILocator continued = page.GetByRole(AriaRole.Region, new() { Name = "Run update-customer" }).First;
        await Expect(continued.Locator("h3")).ToHaveTextAsync("update-customer · CompletedWithFailures");
    }

    [Fact]
    public async Task TheFilters_NarrowTheRowsByOutcomeAndNode()
    {
        IPage page = await studio.NewPageAsync();
        await page.GotoAsync("/history");

        await page.GetByLabel("Outcome").SelectOptionAsync("NotExecuted");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();

        await Expect(page.Locator("section.run tbody tr").First).ToBeVisibleAsync();
        Assert.All(await page.Locator("section.run tbody tr").AllAsync(), row => Assert.Equal("NotExecuted", row.GetAttributeAsync("data-outcome").Result));
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Run update-customer" })).ToHaveCountAsync(0);

        await page.GotoAsync("/history?node=CheckInventory");
        await Expect(page.Locator("tbody tr td:first-child")).Not.ToHaveCountAsync(0);
        Assert.All(await page.Locator("tbody tr td:first-child").AllTextContentsAsync(), name => Assert.Equal("CheckInventory", name));
    }

    [Fact]
    public async Task AFilterThatCannotBeRead_IsNamed()
    {
        IPage page = await studio.NewPageAsync();
        await page.GotoAsync("/history?outcome=Exploded&from=yesterday");

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Outcome 'Exploded' is not one of Succeeded, Failed");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("'yesterday' for from is not a time");
    }

    [Fact]
    public async Task ATestSentInTheStudio_ShowsUpAmongTheNodesSentOnTheirOwn()
    {
        IPage page = await studio.NewPageAsync();
        await page.GotoAsync("/nodes/ReserveStock");
        await page.Field("Sku").FillAsync("sku-sold-out");
        await page.SendTestAsync();
        await Expect(page.Fact("status")).ToHaveTextAsync("409");

        await page.GotoAsync("/history?node=ReserveStock&outcome=Failed");

        ILocator singles = page.Locator("table").Last;
        await Expect(singles.Locator("tbody tr").First).ToContainTextAsync("The warehouse has no stock left for this item");
        await Expect(singles.Locator("tbody tr").First).ToContainTextAsync("409");
    }
}
