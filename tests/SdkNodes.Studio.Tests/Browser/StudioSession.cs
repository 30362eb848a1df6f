using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SdkNodes.Studio.Tests.Infrastructure;

namespace SdkNodes.Studio.Tests.Browser;

/// <summary>
/// What the browser tests share, set up as a new user would: the sample's main job run once
/// (its run history, with the aborted run, copied to a SQLite file of our own); the sample's
/// loopback APIs (<c>SdkNodes.Sample serve</c>); <c>sdknodes studio</c> over the sample's
/// assembly with that history; and Debian's Chromium, headless, driven by Playwright.
/// </summary>
public sealed partial class StudioSession : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(2);

    private readonly string _directory = Directory.CreateTempSubdirectory("sdknodes-studio-tests-").FullName;
    private RunningProcess? _apis;
    private RunningProcess? _studio;
    private IPlaywright? _playwright;

    /// <summary>The studio's address, as it printed it.</summary>
    public Uri StudioAddress { get; private set; } = null!;

    /// <summary>The sample APIs' address.</summary>
    public Uri ApisAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The studio's output so far, for failure messages.</summary>
    public string StudioOutput => _studio?.Output ?? string.Empty;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"The browser tests drive Debian's Chromium at {Chromium}, which is not installed: apt-get install chromium (.ci/run does it).");
        }

        string history = await RunSampleMainJobAsync();
        (_apis, string apis) = await RunningProcess.StartAsync(_directory, ListeningOn(), StartLimit, BuiltOutputs.SampleAssembly, "serve");
        ApisAddress = new Uri(apis);
        (_studio, string studio) = await RunningProcess.StartAsync(
            _directory, StudioOn(), StartLimit,
            BuiltOutputs.ToolAssembly, "studio", BuiltOutputs.SampleAssembly, "--port", "0", "--base-address", apis, "--history", history);
        StudioAddress = new Uri(studio);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // As root there is no sandbox; and Chromium must not try to reach outside hosts
            // (this machine refuses them): no background networking, component updates or sync.
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A new page in a context of its own (its own cookies), on the studio.</summary>
    public async Task<IPage> NewPageAsync()
    {
        IBrowserContext context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = StudioAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1200, Height = 900 },
        });
        IPage page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_studio is not null)
        {
            await _studio.DisposeAsync();
        }

        if (_apis is not null)
        {
            await _apis.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    // The README's main job writes its history beside the sample; a copy keeps our sends out of it.
    private async Task<string> RunSampleMainJobAsync()
    {
        (int exit, string output) = await RunningProcess.RunAsync(_directory, StartLimit, BuiltOutputs.SampleAssembly);
        if (exit != 0)
        {
            throw new InvalidOperationException($"The sample's main job failed ({exit}):\n{output}");
        }

        string source = Path.Combine(Path.GetDirectoryName(BuiltOutputs.SampleAssembly)!, "history.db");
        string copy = Path.Combine(_directory, "history.db");
        foreach (string suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            if (File.Exists(source + suffix))
            {
                File.Copy(source + suffix, copy + suffix);
            }
        }

        return copy;
    }

    [GeneratedRegex(@"listen on (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex ListeningOn();

    [GeneratedRegex(@"SdkNodes studio for .*: (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex StudioOn();
}
