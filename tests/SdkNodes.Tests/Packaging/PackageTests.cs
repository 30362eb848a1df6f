using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.Packaging;

/// <summary>
/// The package as a user meets it: `dotnet pack`, then a fresh console project that references
/// it from a local folder feed, builds a node, runs it against a loopback server, and fails its
/// build with SDKN004 when a template names an unknown variable.
/// </summary>
[Collection(ReleaseBuildCollection.Name)]
public sealed class PackageTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sdknodes-package-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Package_ReferencedFromAFolderFeed_GeneratesRunsAndReportsDiagnostics()
    {
        // A version no earlier run used, so the NuGet cache cannot hand back an old package.
        string version = "0.0.1-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        string feed = Path.Combine(_root, "feed");
        string app = Path.Combine(_root, "app");
        Directory.CreateDirectory(app);

        (int packed, string packOutput) = await RunAsync("dotnet", _root, "pack", Path.Combine(RepositoryRoot(), "src", "SdkNodes", "SdkNodes.csproj"),
            "-c", "Release", "-o", feed, $"-p:Version={version}", "-nologo");
        Assert.True(packed == 0, packOutput);

        await File.WriteAllTextAsync(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """, TestRuntime.Token);
        await File.WriteAllTextAsync(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SdkNodes" Version="{version}" />
              </ItemGroup>
            </Project>
            """, TestRuntime.Token);
        string program = """
            using SdkNodes;

            using var runtime = new NodeRuntime(new NodeRuntimeOptions { BaseAddress = new Uri(args[0]) });
            NodeResult<Pong> result = await new Ping { Id = "p 1" }.SendAsync(runtime);
            Console.WriteLine($"{result.Outcome} {result.StatusCode} {result.Body?.Echo}");
            return result.IsSuccess ? 0 : 1;

            public sealed record Pong(string Echo);

            [ApiRequest("GET", "/ping/{TEMPLATE}")]
            public sealed partial class Ping : IApiNode<Pong>
            {
                public required string Id { get; init; }
            }
            """;
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), program.Replace("TEMPLATE", "id"), TestRuntime.Token);

        await using var server = await LoopbackServer.StartAsync(a => a.MapGet("/ping/{id}", (string id) => Results.Json(new { echo = id })));
        (int ran, string runOutput) = await RunAsync("dotnet", app, "run", "--", server.BaseAddress.ToString());
        Assert.True(ran == 0, runOutput);
        Assert.Contains("Succeeded 200 p 1", runOutput);

        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), program.Replace("TEMPLATE", "ident"), TestRuntime.Token);
        (int built, string buildOutput) = await RunAsync("dotnet", app, "build", "--no-restore", "-nologo");
        Assert.NotEqual(0, built);
        Assert.Contains("error SDKN004: Template variable 'ident' of 'Ping' has no matching property", buildOutput);
        Assert.DoesNotContain("error CS", buildOutput);
    }

    private static string RepositoryRoot([CallerFilePath] string path = "")
        => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));

    private static Task<(int ExitCode, string Output)> RunAsync(string file, string directory, params string[] args)
        => ChildProcess.RunAsync(file, directory, TimeSpan.FromMinutes(5), args);
}
