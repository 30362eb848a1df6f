using System.Reflection;

namespace SdkNodes.Studio.Tests.Infrastructure;

/// <summary>Where the build put what the browser tests run (see the project file's AssemblyMetadata).</summary>
public static class BuiltOutputs
{
    public static string SampleAssembly => Metadata("SdkNodesSample");

    public static string ToolAssembly => Metadata("SdkNodesTool");

    public static string RepositoryRoot => Path.GetFullPath(Metadata("RepositoryRoot"));

    private static string Metadata(string key)
    {
        string path = typeof(BuiltOutputs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
        return File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new InvalidOperationException($"'{path}' ({key}) is not there: build the solution first (dotnet test SdkNodes.sln builds it).");
    }
}
