using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.Security;

/// <summary>
/// A marker secret (in node values and in a sensitive default header) goes through every node kind and outcome (success, status failure, timeout,
/// refused connection, abort, Test API, workflow run); every output is then scanned for it:
/// history records, results and their ToString(), errors, exceptions, the Test API's report
/// and saved values.
/// </summary>
public sealed class SecretScanTests : IDisposable
{
    private const string Marker = "MARKER-5f1e9c";
    private readonly string _directory = Directory.CreateTempSubdirectory("sdknodes-secrets-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task AMarkerSecret_AppearsInNoOutput()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/vault/{account}", (string account) => account == "ok"
                ? Results.Json(new { text = "fine" })
                : Results.StatusCode(500));
            app.MapGet("/vault/{account}", async (string account, CancellationToken aborted) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(5), aborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return Results.Ok();
            });
        });
        var history = new InMemoryHistorySink();
        using var runtime = TestRuntime.For(server, history, configure: o =>
        {
            o.SensitiveHeaders.Add("X-Custom-Token");
            o.SensitiveHeaders.Add("X-Default-Token");
            o.DefaultHeaders["X-Default-Token"] = Marker;
            o.NodeTimeouts["SecretAbort"] = TimeSpan.FromSeconds(0.3);
        });
        var outputs = new List<string>();

        SecretEverywhere Node(string account) => new()
        {
            Account = account,
            Key = Marker,
            Signature = Marker,
            Authorization = "Bearer " + Marker,
            Cookie = "session=" + Marker,
            ApiKey = Marker,
            Custom = Marker,
            Payload = new Payload("public text"),
        };

        // Success and status failure, alone.
        foreach (string account in new[] { "ok", "broken" })
        {
            var result = await Node(account).SendAsync(runtime, TestRuntime.Token);
            outputs.Add(result.ToString());
            outputs.Add(result.Error?.ToString() ?? string.Empty);
        }

        // Timeout under Abort: the exception and its result.
        var aborted = await Assert.ThrowsAsync<NodeAbortedException>(() =>
            new SecretAbort { Account = "slow", Key = Marker, Authorization = Marker }.SendAsync(runtime, TestRuntime.Token));
        outputs.Add(aborted.ToString());
        outputs.Add(aborted.Result.ToString());

        // Refused connection, with the secret in the URL.
        using (var refused = new NodeRuntime(new NodeRuntimeOptions { BaseAddress = new Uri($"http://127.0.0.1:{ClosedPort.Find()}/") }))
        {
            var result = await Node("ok").SendAsync(refused, TestRuntime.Token);
            outputs.Add(result.ToString());
        }

        // A workflow run, and the Test API with its saved values and report.
        await using (WorkflowRun run = runtime.StartRun("secret-run"))
        {
            var inRun = await run.SendAsync(Node("broken"), TestRuntime.Token);
            outputs.Add(inRun.Output(p => p.Text).ToString());
            outputs.Add((await run.CompleteAsync()).ToString());
        }

        string valuesPath = Path.Combine(_directory, "test-values.json");
        var tester = new NodeTester(runtime, new NodeTesterOptions { ValuesPath = valuesPath });
        TestReport report = await tester.TestAsync(SecretEverywhere.Descriptor, new Dictionary<string, string?>
        {
            ["Account"] = "ok",
            ["Key"] = Marker,
            ["Signature"] = Marker,
            ["Authorization"] = "Bearer " + Marker,
            ["Cookie"] = "session=" + Marker,
            ["ApiKey"] = Marker,
            ["Custom"] = Marker,
        }, TestRuntime.Token);
        outputs.Add(JsonSerializer.Serialize(report.Values));
        outputs.Add(report.Error?.ToString() ?? string.Empty);
        outputs.Add(await File.ReadAllTextAsync(valuesPath, TestRuntime.Token));

        outputs.Add(SecretEverywhere.Descriptor.ToString());
        outputs.AddRange(SecretEverywhere.Descriptor.Parameters.Select(p => p.ToString()));
        foreach (NodeHistoryRecord record in history.Records)
        {
            outputs.Add(record.ToString());
            outputs.Add(record.Url);
            outputs.Add(record.ErrorMessage ?? string.Empty);
            outputs.AddRange(record.RequestHeaders.Select(h => $"{h.Key}: {h.Value}"));
        }

        outputs.AddRange(history.Runs.Select(r => r.ToString()));

        // The secrets did reach the server: the scan is not vacuous.
        Assert.Contains(server.Requests, r => r.RawTarget.Contains(Marker, StringComparison.Ordinal));
        Assert.Contains(server.Requests, r => r.Header("X-Default-Token") == Marker);
        Assert.Equal(5, history.Records.Count); // ok, broken, abort, in the run, Test API (the refused runtime has no sink)
        Assert.Contains(history.Records, r => r.RequestHeaders.Any(h => h.Key == "Authorization" && h.Value == "***"));
        Assert.Contains(history.Records, r => r.Url.Contains("key=***", StringComparison.Ordinal));
        var leaks = outputs.Where(o => o.Contains(Marker, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, "the marker secret leaked into:\n" + string.Join("\n", leaks));
    }
}
