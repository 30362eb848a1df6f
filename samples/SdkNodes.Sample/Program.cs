using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SdkNodes;
using SdkNodes.Sample;

// The README's main job: nodes against an embedded loopback server that plays two third-party
// APIs (six on their own, among them a form post and a file upload, then a run that continues past a failure and one that aborts),
// then the run history as a table. No outside network.
// With arguments it is the Test API's command line instead (see NodeCommandLine).
await using var apis = await LoopbackApis.StartAsync();
var address = new Uri(apis.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

// The run history goes to a SQLite file beside the sample, and the table below is read back from it.
DateTimeOffset sampleStarted = DateTimeOffset.UtcNow;
using var history = new SdkNodes.Sqlite.SqliteHistorySink(Path.Combine(AppContext.BaseDirectory, "history.db"));
var options = new NodeRuntimeOptions { BaseAddress = address };
options.HistorySinks.Add(history);
using var runtime = new NodeRuntime(options);

// "serve": only the loopback APIs, until Enter or Ctrl+C, for trying the sdknodes tool against them.
if (args is ["serve"])
{
    Console.WriteLine($"The sample APIs listen on {address} (API key {LoopbackApis.ApiKey}). Press Enter to stop.");
    await Task.WhenAny(Task.Run(Console.ReadLine), Task.Delay(Timeout.Infinite, apis.Lifetime.ApplicationStopping));
    return 0;
}

// "list" or "test <Node> --set name=value ...": the Test API's command line, against the same server.
if (args.Length > 0)
{
    return await NodeCommandLine.RunAsync(args, SdkNodes.Generated.NodeRegistry.Nodes, runtime, Console.Out);
}

NodeResult<IpInfo> ip = await new IpAttribution { Ip = "8.8.8.8", Key = LoopbackApis.ApiKey }.SendAsync(runtime);
Console.WriteLine($"IpAttribution: 8.8.8.8 is registered in {ip.Body?.City}, {ip.Body?.Province} ({ip.Body?.Isp})");

var order = new Order("o-1001", "Ada", 129.90m, ip.Body?.City ?? "unknown");
NodeResult<OrderReceipt> pushed = await new PushOrder { Order = order, Token = "Bearer sample-token" }.SendAsync(runtime);
Console.WriteLine($"PushOrder: order {pushed.Body?.OrderId} is {pushed.Body?.Status} after {pushed.Attempts.Count} attempts "
    + $"({string.Join(", ", pushed.Attempts.Select(a => a.StatusCode))}, the same idempotency key on each)");

var customer = await new LookupCustomer { CustomerId = "c-404" }.SendAsync(runtime);
Console.WriteLine($"LookupCustomer: {customer.Outcome}: {customer.Error?.Message} (the workflow continues)");

var stock = await new CheckInventory { Sku = "sku-7" }.SendAsync(runtime);
Console.WriteLine($"CheckInventory: {stock.Outcome}: {stock.Error?.Message}");

// A form post (application/x-www-form-urlencoded): client credentials for an access token.
// Neither the token nor the client secret is printed; the history keeps no request bodies, and
// [Secret] masks the secret ("***") in the Test API's report and keeps it out of its saved values.
NodeResult<TokenAnswer> token = await new RequestToken { ClientId = LoopbackApis.ClientId, ClientSecret = LoopbackApis.ClientSecret }.SendAsync(runtime);
Console.WriteLine($"RequestToken: {token.Outcome}: a {token.Body?.TokenType} token that expires in {token.Body?.ExpiresIn} s");

// A file upload (multipart/form-data): the invoice's bytes as a file part, the order id as a text part.
byte[] invoicePdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n% Invoice 1001 for order o-1001: 129.90\n%%EOF\n");
string invoiceSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(invoicePdf))[..12];
NodeResult<StoredDocument> upload = await new UploadInvoice
{
    File = NodeFile.FromBytes("invoice-1001.pdf", invoicePdf, "application/pdf"),
    OrderId = "o-1001",
}.SendAsync(runtime);
bool uploadIntact = upload.Body is { } stored && stored.FileName == "invoice-1001.pdf" && stored.ContentType == "application/pdf"
    && stored.Size == invoicePdf.Length && stored.Sha256 == invoiceSha256 && stored.OrderId == "o-1001";
Console.WriteLine($"UploadInvoice: {upload.Outcome}: {upload.Body?.FileName} ({upload.Body?.ContentType}, {upload.Body?.Size} bytes, "
    + $"SHA-256 {upload.Body?.Sha256}...) stored for order {upload.Body?.OrderId}; "
    + (uploadIntact ? "the same bytes as sent" : $"NOT what was sent ({invoicePdf.Length} bytes, SHA-256 {invoiceSha256}...)"));

// A workflow run that continues past a failure: the lookup fails (the API knows no such
// address), so the customer's city is skipped while the other fields are applied.
await using (WorkflowRun run = runtime.StartRun("update-customer"))
{
    NodeResult<IpInfo> unknown = await run.SendAsync(new IpAttribution { Ip = "203.0.113.9", Key = LoopbackApis.ApiKey });
    var customerRecord = new Dictionary<string, object?> { ["Name"] = "Ada", ["City"] = "(unchanged)" };
    FieldUpdateReport update = new FieldUpdate()
        .Set("City", unknown.Output(b => b.City))
        .Set("LastSeenIp", "203.0.113.9")
        .Set("Status", "active")
        .ApplyTo(customerRecord);
    await run.SendAsync(new PushOrder { Order = order with { OrderId = "o-1002", City = customerRecord["City"] as string ?? "unknown" } });
    RunHistoryRecord record = await run.CompleteAsync();
    Console.WriteLine($"Run update-customer: {record.Status}; applied {string.Join(", ", update.Applied)}; skipped "
        + string.Join("; ", update.Skipped.Select(f => $"{f.Field} ({f.Reason})")));
}

// A workflow run that aborts: stock cannot be reserved, so the order is not pushed.
RunHistoryRecord aborted;
await using (WorkflowRun run = runtime.StartRun("approve-purchase"))
{
    await run.SendAsync(new ReserveStock { Sku = "sku-sold-out" });
    NodeResult<OrderReceipt> notPushed = await run.SendAsync(new PushOrder { Order = order with { OrderId = "o-1003" } });
    aborted = await run.CompleteAsync();
    Console.WriteLine($"Run approve-purchase: {aborted.Status} by {aborted.AbortedBy}; PushOrder {notPushed.Outcome}");
}

var since = new NodeHistoryQuery { From = sampleStarted };
IReadOnlyList<NodeHistoryRecord> records = [.. (await history.QueryAsync(since)).Reverse()];
IReadOnlyList<RunHistoryRecord> runs = await history.RunsAsync(sampleStarted, DateTimeOffset.UtcNow.AddMinutes(1));
Console.WriteLine();
Console.WriteLine($"Run history (from {Path.Combine(AppContext.BaseDirectory, "history.db")})");
HistoryTable.Print(records, runs, Console.Out);

// The sample checks its own story, so a broken build shows up as a failing main job.
bool asExpected = ip.IsSuccess && pushed.IsSuccess && pushed.Attempts.Count == 2
    && customer.Outcome == NodeOutcome.Failed && stock.Outcome == NodeOutcome.TimedOut
    && token.IsSuccess && token.Body is { TokenType: "Bearer", ExpiresIn: > 0 }
    && upload.IsSuccess && uploadIntact
    && records.Count == 10
    && runs.Select(r => r.Status).SequenceEqual([RunStatus.CompletedWithFailures, RunStatus.Aborted])
    && records[^1].Outcome == NodeOutcome.NotExecuted;
Console.WriteLine();
Console.WriteLine(asExpected ? "Every node and run behaved as expected." : "Unexpected outcome: see the table above.");
return asExpected ? 0 : 1;

internal static class HistoryTable
{
    public static void Print(IReadOnlyList<NodeHistoryRecord> records, IReadOnlyList<RunHistoryRecord> runs, TextWriter output)
    {
        Dictionary<string, string> runNames = runs.ToDictionary(r => r.RunId, r => r.Name);
        string[] header = ["Run", "Node", "Method", "URL", "Status", "Outcome", "Attempts", "Seconds", "Error"];
        var rows = records.Select(r => new[]
        {
            r.RunId is { } id && runNames.TryGetValue(id, out string? run) ? run : "-",
            r.NodeName,
            r.Method,
            r.Url,
            r.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "-",
            r.Outcome.ToString(),
            r.Attempts.ToString(CultureInfo.InvariantCulture),
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
