using Microsoft.Playwright;

namespace RelanceBot.EndToEndTests;

/// <summary>
/// Debian's Chromium driven by Playwright (never a downloaded browser), with the flags that keep it off this machine's
/// closed network: without them it retries Google's hosts at every start.
/// </summary>
internal static class HeadlessChromium
{
    private const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> StartAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
        return (playwright, browser);
    }
}
