using SdkNodes;
using SdkNodes.Sqlite;

// Writes node records to the database in args[0] as fast as it can, forever, printing
// "ack N" once record N's write has returned. The durability test kills it mid-stream.
using var sink = new SqliteHistorySink(args[0]);
for (int n = 0; ; n++)
{
    await sink.WriteAsync(
        new NodeHistoryRecord
        {
            NodeName = $"node-{n}",
            Method = "GET",
            Url = $"http://127.0.0.1/items/{n}",
            Outcome = NodeOutcome.Succeeded,
            StatusCode = 200,
            StartedAt = DateTimeOffset.UtcNow,
            Elapsed = TimeSpan.FromMilliseconds(1),
        },
        CancellationToken.None);
    Console.Out.WriteLine($"ack {n}");
    Console.Out.Flush();
}
