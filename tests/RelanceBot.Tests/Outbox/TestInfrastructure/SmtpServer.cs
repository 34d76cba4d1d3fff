using System.Diagnostics;
using MimeKit;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Outbox.TestInfrastructure;

/// <summary>
/// A real SMTP server on 127.0.0.1: Debian's aiosmtpd (<c>apt-get install -y python3-aiosmtpd</c>) running
/// <c>Assets/smtp_sink.py</c>, which keeps every accepted mail as a file.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    // The system interpreter: aiosmtpd is a Debian package, invisible to a pyenv or venv python.
    private const string Python = "/usr/bin/python3";

    private readonly Process _process;
    private readonly string _directory;

    private SmtpServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public static async Task<SmtpServer> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("relancebot-smtp-").FullName;
        var port = LoopbackPorts.Free();
        var script = Path.Combine(AppContext.BaseDirectory, "Outbox", "Assets", "smtp_sink.py");
        var process = Process.Start(new ProcessStartInfo(Python, [script, port.ToString(System.Globalization.CultureInfo.InvariantCulture), directory])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("Could not start the SMTP server.");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var ready = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (ready != "READY")
        {
            var error = await process.StandardError.ReadToEndAsync(timeout.Token);
            throw new InvalidOperationException($"The SMTP server did not start (is python3-aiosmtpd installed?): {error}");
        }

        return new SmtpServer(process, directory, port);
    }

    /// <summary>How many mails were accepted so far, without reading them.</summary>
    public int ReceivedCount => Directory.GetFiles(_directory, "*.eml").Length;

    public IReadOnlyList<MimeMessage> ReceivedMessages() =>
        Directory.GetFiles(_directory, "*.eml").Order().Select(file => MimeMessage.Load(file)).ToList();

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(5)))
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
