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

        await page.Field("Ip").FillAsync("8.8.8.8");
        await page.Field("Key").FillAsync(ApiKey);
        await page.SendTestAsync();

        await Expect(page.Fact("status")).ToHaveTextAsync("200");
        await Expect(page.Fact("seconds")).ToHaveTextAsync(new Regex(@"^\d+\.\d\d$"));
        await Expect(page.Fact("sent-at")).ToHaveTextAsync(new Regex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$"));
        await Expect(page.Fact("outcome")).ToHaveTextAsync("Succeeded");
        await Expect(page.Fact("body")).ToContainTextAsync("\"city\": \"Mountain View\"");
        await Expect(page.Fact("request")).ToHaveTextAsync($"GET {studio.ApisAddress}ip/ipNew?ip=8.8.8.8&key=***");
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
        await page.Field("Ip").FillAsync("8.8.4.4");
        await page.Field("Key").FillAsync(ApiKey);
        await page.SendTestAsync();
        await Expect(page.Fact("outcome")).ToBeVisibleAsync();

        // After the send the secret is not written back; after a reload neither.
        await Expect(page.Field("Key")).ToHaveValueAsync(string.Empty);
        await page.GotoAsync("/nodes/IpAttribution");

        await Expect(page.Field("Ip")).ToHaveValueAsync("8.8.4.4");
        await Expect(page.Field("Key")).ToHaveValueAsync(string.Empty);
        await Expect(page.Field("Key")).ToHaveAttributeAsync("type", "password");
        Assert.DoesNotContain(ApiKey, await page.ContentAsync());
    }

    [Fact]
    public async Task AHeadNode_ShowsTheHeaders_AndNoBodySection()
    {
        IPage page = await studio.NewPageAsync();
        await page.GotoAsync("/nodes/OrderSystemStatus");

        await page.SendTestAsync();

        await Expect(page.Fact("status")).ToHaveTextAsync("200");
        await Expect(page.Locator("#report")).ToContainTextAsync("X-Orders-Open");
        await Expect(page.Locator("#response-body")).ToHaveCountAsync(0);
        await Expect(page.GetByText("Response body")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AFailingNode_ShowsTheMappedMessage()
    {
        IPage page = await studio.NewPageAsync();
        await page.GotoAsync("/nodes/LookupCustomer");

        await page.Field("CustomerId").FillAsync("c-404");
        await page.SendTestAsync();

        await Expect(page.Fact("status")).ToHaveTextAsync("404");
        await Expect(page.Fact("outcome")).ToHaveTextAsync("Failed");
        await Expect(page.Fact("error-kind")).ToHaveTextAsync("Status");
        await Expect(page.Fact("error-message")).ToHaveTextAsync("No such customer in the order system");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("No such customer in the order system");
    }

    [Fact]
    public async Task AnEmptyRequiredField_IsSentAsNull_AndTheReportShowsTheRuntimesInvalidInputMessage()
    {
        IPage page = await studio.NewPageAsync();
        await page.GotoAsync("/nodes/IpAttribution");

        await page.Field("Ip").FillAsync(string.Empty);
        await page.Field("Key").FillAsync(ApiKey);
        await page.SendTestAsync();

        await Expect(page.Fact("outcome")).ToHaveTextAsync("Failed");
        await Expect(page.Fact("error-kind")).ToHaveTextAsync("InvalidInput");
        await Expect(page.Fact("error-message")).ToHaveTextAsync("IpAttribution.Ip is required but is null.");
        await Expect(page.Fact("status")).ToHaveTextAsync("none");
        await Expect(page.Locator("#response-body")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TypedInputs_SendAnEnumAFlagADateAndAJsonList()
    {
        IPage page = await studio.NewPageAsync();
        await page.GotoAsync("/nodes/SearchOrders");

        await page.Field("Status").SelectOptionAsync("Accepted");
        await page.Field("IncludeLines").CheckAsync();
        await page.Field("PlacedAfter").FillAsync("2026-11-01");
        await page.Field("Tags").FillAsync("""["rush, gift", "eu"]""");
        await page.SendTestAsync();

        await Expect(page.Fact("request")).ToHaveTextAsync($"GET {studio.ApisAddress}orders?status=Accepted&placedAfter=2026-11-01&includeLines=true&tags=rush%2C%20gift,eu");
        await Expect(page.Fact("body")).ToContainTextAsync("\"unit_price\": 64.95");
        await Expect(page.Field("MinAmount")).ToHaveAttributeAsync("type", "number");
    }

    [Fact]
    public async Task JsonThatDoesNotParse_IsCaughtBeforeSending()
    {
        IPage page = await studio.NewPageAsync();
        await page.GotoAsync("/nodes/SearchOrders");

        await page.Field("Tags").FillAsync("""["rush",""");
        await page.SendTestAsync();

        await Expect(page.Locator("#p-Tags-error")).ToContainTextAsync("Tags is not valid JSON");
        await Expect(page.Field("Tags")).ToBeFocusedAsync();
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

        await Expect(page.Fact("status")).ToHaveTextAsync("200");
        await Expect(page.Fact("body")).ToContainTextAsync("\"name\": \"Ada\"");
    }

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
