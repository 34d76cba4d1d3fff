using RelanceBot.Cli;

namespace RelanceBot.Tests.Cli;

/// <summary>A command run in the test's process, on the test app's services, with its output captured.</summary>
public static class InProcessCli
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IServiceProvider services, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLineInterface.RunAsync(services, args, output, error, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }
}
