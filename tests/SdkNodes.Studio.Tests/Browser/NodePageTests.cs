using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SdkNodes.Studio.Tests.Browser;

/// <summary>The node list and a node's page, used in Chromium against the sample's loopback APIs.</summary>
[Collection(StudioCollection.Name)]
public sealed class NodePageTests(StudioSession studio)
{
    private const string ApiKey = "sample-key-0f3a";

    [Fact]
    public async Task TheList_ShowsEveryNode_AndTheSearchBoxFiltersIt()
    {
        IPage page = await studio.NewPageAsync();
        await page.GotoAsync("/");

        ILocator names = page.Locator("#nodes tbody tr:visible td:first-child");
        await Expect(names).ToHaveTextAsync(
        [
            "CheckInventory", "IpAttribution", "LookupCustomer", "OrderSystemStatus", "PushOrder",
            "RequestToken", "ReserveStock", "SearchOrders", "UploadInvoice",
        ]);
        await Expect(page.Locator("#nodes tbody tr", new() { HasText = "IpAttribution" })).ToContainTextAsync("Looks up where an IP address is registered.");

        await page.GetByLabel("Search nodes").FillAsync("inventory");
        await Expect(names).ToHaveTextAsync(["CheckInventory", "ReserveStock"]);
    }

    [Fact]
    public async Task AGetNodeSentWithValues_ShowsStatusSecondsAndBody_AndTheRequestWithTheSecretRedacted()
    {
        IPage page = await studio.NewPageAsync();
        await page.GotoAsync("/nodes/IpAttribution");

        await page.GetByLabel("Ip", new() { Exact = true }).FillAsync("8.8.8.8");
        await page.GetByLabel("Key", new() { Exact = true }).FillAsync(ApiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send test" }).ClickAsync();

        await Expect(Fact(page, "status")).ToHaveTextAsync("200");
        await Expect(Fact(page, "seconds")).ToHaveTextAsync(new Regex(@"^\d+\.\d\d$"));
        await Expect(Fact(page, "sent-at")).ToHaveTextAsync(new Regex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$"));
        await Expect(Fact(page, "outcome")).ToHaveTextAsync("Succeeded");
        await Expect(Fact(page, "body")).ToContainTextAsync("\"city\": \"Mountain View\"");
        await Expect(Fact(page, "request")).ToHaveTextAsync($"GET {studio.ApisAddress}ip/ipNew?ip=8.8.8.8&key=***");
        await Expect(page.Locator("#report table").Last).ToContainTextAsync("application/json; charset=utf-8");
        Assert.DoesNotContain(ApiKey, await page.ContentAsync());

        await page.GetByText("Response as a C# type").ClickAsync();
        await Expect(page.Locator("#csharp-code")).ToContainTextAsync("public sealed record IpAttributionResponse(");
        await Expect(page.Locator("#csharp-code")).ToContainTextAsync("[property: JsonPropertyName(\"error_code\")] int ErrorCode");
    }

    [Fact]
    public async Task AfterAReload_TheValuesAreOfferedAgain_ExceptTheSecret()
    {
        IPage page = await studio.NewPageAsync();
        await page.GotoAsync("/nodes/IpAttribution");
        await page.GetByLabel("Ip", new() { Exact = true }).FillAsync("8.8.4.4");
        await page.GetByLabel("Key", new() { Exact = true }).FillAsync(ApiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send test" }).ClickAsync();
        await Expect(Fact(page, "outcome")).ToBeVisibleAsync();

        // After the send the secret is not written back; after a reload neither.
        await Expect(page.GetByLabel("Key", new() { Exact = true })).ToHaveValueAsync(string.Empty);
        await page.GotoAsync("/nodes/IpAttribution");

        await Expect(page.GetByLabel("Ip", new() { Exact = true })).ToHaveValueAsync("8.8.4.4");
        await Expect(page.GetByLabel("Key", new() { Exact = true })).ToHaveValueAsync(string.Empty);
        await Expect(page.GetByLabel("Key", new() { Exact = true })).ToHaveAttributeAsync("type", "password");
        Assert.DoesNotContain(ApiKey, await page.ContentAsync());
    }

    [Fact]
    public async Task AHeadNode_ShowsTheHeaders_AndNoBodySection()
    {
        IPage page = await studio.NewPageAsync();
        await page.GotoAsync("/nodes/OrderSystemStatus");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send test" }).ClickAsync();

        await Expect(Fact(page, "status")).ToHaveTextAsync("200");
        await Expect(page.Locator("#report")).ToContainTextAsync("X-Orders-Open");
        await Expect(page.Locator("#response-body")).ToHaveCountAsync(0);
        await Expect(page.GetByText("Response body")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AFailingNode_ShowsTheMappedMessage()
    {
        IPage page = await studio.NewPageAsync();
        await page.GotoAsync("/nodes/LookupCustomer");

        await page.GetByLabel("CustomerId", new() { Exact = true }).FillAsync("c-404");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send test" }).ClickAsync();

        await Expect(Fact(page, "status")).ToHaveTextAsync("404");
        await Expect(Fact(page, "outcome")).ToHaveTextAsync("Failed");
        await Expect(Fact(page, "error-kind")).ToHaveTextAsync("Status");
        await Expect(Fact(page, "error-message")).ToHaveTextAsync("No such customer in the order system");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("No such customer in the order system");
    }

    [Fact]
    public async Task AnEmptyRequiredField_IsSentAsNull_AndTheReportShowsTheRuntimesInvalidInputMessage()
    {
        IPage page = await studio.NewPageAsync();
        await page.GotoAsync("/nodes/IpAttribution");

        await page.GetByLabel("Ip", new() { Exact = true }).FillAsync(string.Empty);
        await page.GetByLabel("Key", new() { Exact = true }).FillAsync(ApiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send test" }).ClickAsync();

        await Expect(Fact(page, "outcome")).ToHaveTextAsync("Failed");
        await Expect(Fact(page, "error-kind")).ToHaveTextAsync("InvalidInput");
        await Expect(Fact(page, "error-message")).ToHaveTextAsync("IpAttribution.Ip is required but is null.");
        await Expect(Fact(page, "status")).ToHaveTextAsync("none");
        await Expect(page.Locator("#response-body")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TypedInputs_SendAnEnumAFlagADateAndAJsonList()
    {
        IPage page = await studio.NewPageAsync();
        await page.GotoAsync("/nodes/SearchOrders");

        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("Accepted");
        await page.GetByLabel("IncludeLines", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("PlacedAfter", new() { Exact = true }).FillAsync("2026-11-01");
        await page.GetByLabel("Tags", new() { Exact = true }).FillAsync("""["rush, gift", "eu"]""");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send test" }).ClickAsync();

        await Expect(Fact(page, "request")).ToHaveTextAsync($"GET {studio.ApisAddress}orders?status=Accepted&placedAfter=2026-11-01&includeLines=true&tags=rush%2C%20gift,eu");
        await Expect(Fact(page, "body")).ToContainTextAsync("\"unit_price\": 64.95");
        await Expect(page.GetByLabel("MinAmount", new() { Exact = true })).ToHaveAttributeAsync("type", "number");
    }

    [Fact]
    public async Task JsonThatDoesNotParse_IsCaughtBeforeSending()
    {
        IPage page = await studio.NewPageAsync();
        await page.GotoAsync("/nodes/SearchOrders");

        await page.GetByLabel("Tags", new() { Exact = true }).FillAsync("""["rush",""");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send test" }).ClickAsync();

        await Expect(page.Locator("#p-Tags-error")).ToContainTextAsync("Tags is not valid JSON");
        await Expect(page.GetByLabel("Tags", new() { Exact = true })).ToBeFocusedAsync();
        await Expect(page.Locator("#report")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task KeyboardOnly_TabReachesEachFieldAndTheButton_AndEnterSends()
    {
        IPage page = await studio.NewPageAsync();
        await page.GotoAsync("/nodes/LookupCustomer");

        await TabUntilAsync(page, "p-CustomerId");
        await page.Keyboard.TypeAsync("c-1");
        await TabUntilAsync(page, "send");
        await page.Keyboard.PressAsync("Enter");

        await Expect(Fact(page, "status")).ToHaveTextAsync("200");
        await Expect(Fact(page, "body")).ToContainTextAsync("\"name\": \"Ada\"");
    }

    private static ILocator Fact(IPage page, string name) => page.Locator($"[data-fact={name}]");

    // Presses Tab until the focused element is the one wanted ("send" for the Send test button).
    private static async Task TabUntilAsync(IPage page, string wanted)
    {
        for (int presses = 0; presses < 20; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            string focused = await page.EvaluateAsync<string>("() => document.activeElement.id || document.activeElement.textContent");
            if (focused == wanted || (wanted == "send" && focused == "Send test"))
            {
                return;
            }
        }

        Assert.Fail($"20 presses of Tab did not reach '{wanted}'.");
    }
}
