using System.Runtime.CompilerServices;
using System.Text.Json;
using Refit;
using SdkNodes;
using SdkNodes.AotSample;
using SdkNodes.Refit;
using SdkNodes.Sqlite;

// A node app published with PublishAot (tests/SdkNodes.Tests/Aot/AotPublishTests): nodes sent
// to a loopback server with a source-generated JsonSerializerContext and no reflection. Each
// step is checked; the last line says whether all held, and the exit code is 0 only then.
await using var server = LoopbackServer.Start();
var history = new InMemoryHistorySink();
string databasePath = Path.Combine(Path.GetTempPath(), $"sdknodes-aot-{Guid.NewGuid():N}.db");
using var database = new SqliteHistorySink(databasePath);
var options = new NodeRuntimeOptions { BaseAddress = server.BaseAddress, JsonTypeInfoResolver = AotJson.Default };
options.HistorySinks.Add(history);
options.HistorySinks.Add(database);
using var runtime = new NodeRuntime(options);
var failures = new List<string>();

// Natively compiled, dynamic code is not supported and System.Text.Json has no reflection.
Console.WriteLine($"Dynamic code supported: {RuntimeFeature.IsDynamicCodeSupported}");
Console.WriteLine($"Reflection-based JSON: {JsonSerializer.IsReflectionEnabledByDefault}");

// A typed GET: template with a secret and an enum, body read through the context.
NodeResult<IpInfo> ip = await new IpAttribution { Ip = "8.8.8.8", Key = LoopbackServer.ApiKey }.SendAsync(runtime);
Console.WriteLine($"IpAttribution: {ip.Outcome} {ip.StatusCode}: {ip.Body?.City}, {ip.Body?.Province} ({ip.Body?.Isp})");
Check(ip.Outcome == NodeOutcome.Succeeded && ip.Body == new IpInfo("California", "Mountain View", "Google"), "IpAttribution reads the typed body");

// A POST with a JSON body written through the context; the first attempt meets a 503 and is retried.
NodeResult<OrderReceipt> pushed = await new PushOrder { Order = new Order("o-1001", 129.90m, ip.Body?.City ?? "unknown") }.SendAsync(runtime);
Console.WriteLine($"PushOrder: {pushed.Outcome} {pushed.StatusCode}: order {pushed.Body?.OrderId} {pushed.Body?.Status} after {pushed.Attempts.Count} attempts");
Check(pushed.Outcome == NodeOutcome.Succeeded && pushed.Body?.OrderId == "o-1001" && pushed.Attempts.Count == 2, "PushOrder writes the body and retries once");
Check(pushed.Body?.IdempotencyKey is { Length: > 0 }, "PushOrder sends an idempotency key");

// Untyped: the body as a JsonElement; and a mapped 404 under Continue.
NodeResult<JsonElement?> customer = await new LookupCustomer { CustomerId = "c-1" }.SendAsync(runtime);
string? name = customer.Body is { } element ? element.GetProperty("name").GetString() : null;
Console.WriteLine($"LookupCustomer: {customer.Outcome} {customer.StatusCode}: {name}");
Check(customer.Outcome == NodeOutcome.Succeeded && name == "Ada", "LookupCustomer reads an untyped body");
NodeResult<JsonElement?> unknown = await new LookupCustomer { CustomerId = "c-404" }.SendAsync(runtime);
Console.WriteLine($"LookupCustomer: {unknown.Outcome} {unknown.StatusCode}: {unknown.Error?.Message}");
Check(unknown.Error?.Message == "No such customer in the order system", "LookupCustomer maps 404 to its message");

// The Test API's path: the node built from text values with generated parsing, then a body error code.
var fromValues = IpAttribution.FromValues(new Dictionary<string, string?> { ["Ip"] = "8.8.8.8", ["Key"] = "stale", ["Detail"] = "Full" }, runtime.JsonSerializerOptions);
NodeResult<IpInfo> stale = await fromValues.SendAsync(runtime);
Console.WriteLine($"IpAttribution (from values): {stale.Outcome} {stale.Error?.Kind}: {stale.Error?.Message}");
Check(stale.Error is { Kind: NodeErrorKind.ErrorCode, Code: "10001", Message: "The key is not valid for this API" }, "IpAttribution maps the body's error code");

// A workflow run that continues past a failure: the value read from it is skipped.
await using (WorkflowRun run = runtime.StartRun("aot-check"))
{
    NodeResult<IpInfo> revoked = await run.SendAsync(new IpAttribution { Ip = "8.8.8.8", Key = "revoked" });
    NodeValue<string> city = revoked.Output(b => b.City);
    Console.WriteLine($"Run: IpAttribution {revoked.Outcome}: {revoked.Error?.Message}; City {city}");
    Check(revoked.Error?.Message == "The API key was rejected" && city.IsSkipped, "the run skips the value of a failed node");
}

// A data object with chosen fields, and an HTML form post.
NodeResult<JsonElement?> patched = await new PatchContact { Id = "c-1", Contact = new Contact("c-1", "Ada Lovelace", "ada@example.com", 36) }.SendAsync(runtime);
string sent = patched.Body?.GetRawText() ?? "";
Console.WriteLine($"PatchContact: {patched.Outcome} {patched.StatusCode}: sent {sent}");
Check(patched.Outcome == NodeOutcome.Succeeded && sent == """{"full_name":"Ada Lovelace","age":36}""", "PatchContact sends only its fields");
NodeResult<TokenAnswer> token = await new RequestToken { ClientId = "aot-client", ClientSecret = "s3cr+t" }.SendAsync(runtime);
Console.WriteLine($"RequestToken: {token.Outcome} {token.StatusCode}: a token that expires in {token.Body?.ExpiresIn} s");
Check(token.Outcome == NodeOutcome.Succeeded && token.Body?.AccessToken == "token-1", "RequestToken posts the form");

// A call on a Refit interface as a node (SdkNodes.Refit), through Refit's generated client:
// RestService.For would build it by reflection, ForGenerated does not.
var refitSettings = new RefitSettings { ContentSerializer = new SystemTextJsonContentSerializer(AotJson.Default.Options) };
using var refitHttp = new HttpClient { BaseAddress = server.BaseAddress };
IOrderStatusApi statusApi = RestService.ForGenerated<IOrderStatusApi>(refitHttp, refitSettings);
NodeResult<OrderStatus> status = await runtime.SendAsync(statusApi, new RefitNode<IOrderStatusApi, OrderStatus>("GetOrderStatus", (api, ct) => api.GetStatusAsync("o-1001", ct)));
Console.WriteLine($"GetOrderStatus (Refit): {status.Outcome} {status.StatusCode}: order {status.Body?.OrderId} {status.Body?.Status}");
Check(status.Outcome == NodeOutcome.Succeeded && status.Body == new OrderStatus("o-1001", "shipped"), "the Refit node reads its body");

// The history has every execution, the secret key redacted, in memory and in SQLite.
IReadOnlyList<NodeHistoryRecord> stored = await database.QueryAsync(new NodeHistoryQuery());
Console.WriteLine($"History: {history.Records.Count} records in memory, {stored.Count} in SQLite");
Check(history.Records.Count == 9 && stored.Count == 9, "one history record per execution, in each sink");
Check(history.Records.Concat(stored).All(r => !r.Url.Contains(LoopbackServer.ApiKey, StringComparison.Ordinal)), "the history never shows the secret key");

// The Test API's command line, parsed by System.CommandLine in the native executable: a test
// with its report as JSON, and a mistyped option answered with a suggestion and exit code 2.
// A runtime of its own, without the history sinks counted above.
using (var commandRuntime = new NodeRuntime(new NodeRuntimeOptions { BaseAddress = server.BaseAddress, JsonTypeInfoResolver = AotJson.Default }))
{
    var commandOutput = new StringWriter();
    var testerOptions = new NodeTesterOptions { ValuesPath = null };
    int tested = await NodeCommandLine.RunAsync(["test", "ipattribution", "--set", "Ip=8.8.8.8", "--set", "Key=" + LoopbackServer.ApiKey, "--json"], SdkNodes.Generated.NodeRegistry.Nodes, commandRuntime, commandOutput, testerOptions);
    bool reported = commandOutput.ToString().Contains("\"outcome\": \"Succeeded\"", StringComparison.Ordinal);
    commandOutput.GetStringBuilder().Clear();
    int mistyped = await NodeCommandLine.RunAsync(["test", "IpAttribution", "--jsno"], SdkNodes.Generated.NodeRegistry.Nodes, commandRuntime, commandOutput, testerOptions);
    bool suggested = commandOutput.ToString().Contains("Did you mean one of the following?", StringComparison.Ordinal);
    Console.WriteLine($"NodeCommandLine: test exited {tested}{(reported ? " with a JSON report" : "")}; --jsno exited {mistyped}{(suggested ? " with a suggestion" : "")}");
    Check(tested == 0 && reported && mistyped == 2 && suggested, "the command line parses, tests and suggests natively");
}

foreach (string failure in failures)
{
    Console.WriteLine($"FAILED: {failure}");
}

database.Dispose();
foreach (string file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(databasePath) + "*"))
{
    File.Delete(file);
}

Console.WriteLine(failures.Count == 0 ? "AOT sample: all checks passed" : $"AOT sample: {failures.Count} checks failed");
return failures.Count == 0 ? 0 : 1;

void Check(bool condition, string what)
{
    if (!condition)
    {
        failures.Add(what);
    }
}
