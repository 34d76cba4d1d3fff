namespace RelanceBot.EndToEndTests;

/// <summary>The npm packages the end-to-end tests run (installed by scripts/test.sh) and the loopback guard they run under.</summary>
internal static class NodeHarness
{
    /// <summary>The folder of a harness under this project, once <c>npm ci</c> has installed it.</summary>
    public static string Directory(string name)
    {
        var harness = Path.Combine(RepositoryRoot(), "tests", "RelanceBot.EndToEndTests", name);
        return System.IO.Directory.Exists(Path.Combine(harness, "node_modules"))
            ? harness
            : throw new InvalidOperationException($"Run `npm ci --prefix {harness}` (scripts/test.sh does it).");
    }

    /// <summary>Preloaded into every node process (<c>NODE_OPTIONS=--require=…</c>): nothing leaves 127.0.0.0/8.</summary>
    public static string NetworkGuardPath()
    {
        var guard = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "tools", "netguard.cjs"));
        return File.Exists(guard)
            ? guard
            : throw new InvalidOperationException($"The loopback network guard is missing at {guard}; the harness must never run without it.");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RelanceBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("RelanceBot.sln not found above the test directory.");
    }
}
