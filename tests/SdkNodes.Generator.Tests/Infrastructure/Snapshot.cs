using System.Runtime.CompilerServices;

namespace SdkNodes.Generator.Tests.Infrastructure;

/// <summary>
/// Compares generated source with a readable snapshot file in Snapshots/. To accept new output,
/// run the tests with SDKNODES_ACCEPT_SNAPSHOTS=1, then review the changed .cs files in the diff
/// (see README.md, "Generator snapshots"). A mismatch writes NAME.received.cs beside the snapshot to compare.
/// </summary>
internal static class Snapshot
{
    public static void Match(string name, string actual)
    {
        string directory = Path.Combine(ProjectDirectory(), "Snapshots");
        string expectedPath = Path.Combine(directory, name + ".cs");
        string receivedPath = Path.Combine(directory, name + ".received.cs");
        actual = Normalize(actual);

        if (Environment.GetEnvironmentVariable("SDKNODES_ACCEPT_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(expectedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        string? expected = File.Exists(expectedPath) ? Normalize(File.ReadAllText(expectedPath)) : null;
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        Assert.Fail(expected is null
            ? $"No snapshot {name}.cs yet. The output is in {receivedPath}; accept it with SDKNODES_ACCEPT_SNAPSHOTS=1."
            : $"Generated source differs from Snapshots/{name}.cs. Compare with {receivedPath}; accept with SDKNODES_ACCEPT_SNAPSHOTS=1.\n"
              + FirstDifference(expected, actual));
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    private static string FirstDifference(string expected, string actual)
    {
        string[] e = expected.Split('\n');
        string[] a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string el = i < e.Length ? e[i] : "<end>";
            string al = i < a.Length ? a[i] : "<end>";
            if (el != al)
            {
                return $"line {i + 1}:\n  expected: {el}\n  actual:   {al}";
            }
        }

        return string.Empty;
    }

    private static string ProjectDirectory([CallerFilePath] string path = "")
        => Path.GetDirectoryName(Path.GetDirectoryName(path))!;
}
