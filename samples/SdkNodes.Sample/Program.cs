using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SdkNodes;
using SdkNodes.Sample;

// The README's main job: four nodes against an embedded loopback server that plays two
// third-party APIs, then the run history as a table. No outside network.
// With arguments it is the Test API's command line instead (see NodeCommandLine).
await using var apis = await LoopbackApis.StartAsync();
var address = new Uri(apis.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

var history = new InMemoryHistorySink();
var options = new NodeRuntimeOptions { BaseAddress = address };
options.HistorySinks.Add(history);
using var runtime = new NodeRuntime(options);

// "list" or "test <Node> name=value ...": the Test API's command line, against the same server.
if (args.Length > 0)
{
    return await NodeCommandLine.RunAsync(args, SdkNodes.Generated.NodeRegistry.Nodes, runtime, Console.Out);
}

NodeResult<IpInfo> ip = await new IpAttribution { Ip = "8.8.8.8", Key = LoopbackApis.ApiKey }.SendAsync(runtime);
Console.WriteLine($"IpAttribution: 8.8.8.8 is registered in {ip.Body?.City}, {ip.Body?.Province} ({ip.Body?.Isp})");

var order = new Order("o-1001", "Ada", 129.90m, ip.Body?.City ?? "unknown");
NodeResult<OrderReceipt> pushed = await new PushOrder { Order = order, Token = "Bearer sample-token" }.SendAsync(runtime);
Console.WriteLine($"PushOrder: order {pushed.Body?.OrderId} is {pushed.Body?.Status}");

var customer = await new LookupCustomer { CustomerId = "c-404" }.SendAsync(runtime);
Console.WriteLine($"LookupCustomer: {customer.Outcome}: {customer.Error?.Message} (the workflow continues)");

var stock = await new CheckInventory { Sku = "sku-7" }.SendAsync(runtime);
Console.WriteLine($"CheckInventory: {stock.Outcome}: {stock.Error?.Message}");

Console.WriteLine();
Console.WriteLine("Run history");
HistoryTable.Print(history.Records, Console.Out);

// The sample checks its own story, so a broken build shows up as a failing main job.
bool asExpected = ip.IsSuccess && pushed.IsSuccess
    && customer.Outcome == NodeOutcome.Failed && stock.Outcome == NodeOutcome.TimedOut
    && history.Records.Count == 4;
Console.WriteLine();
Console.WriteLine(asExpected ? "All four nodes behaved as expected." : "Unexpected outcome: see the table above.");
return asExpected ? 0 : 1;

internal static class HistoryTable
{
    public static void Print(IReadOnlyList<NodeHistoryRecord> records, TextWriter output)
    {
        string[] header = ["Node", "Method", "URL", "Status", "Outcome", "Seconds", "Error"];
        var rows = records.Select(r => new[]
        {
            r.NodeName,
            r.Method,
            r.Url,
            r.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "-",
            r.Outcome.ToString(),
            r.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture),
            r.ErrorMessage ?? string.Empty,
        }).ToList();

        int[] widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        string Line(string[] cells) => string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
        output.WriteLine(Line(header));
        output.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (string[] row in rows)
        {
            output.WriteLine(Line(row));
        }
    }
}
