using System.Diagnostics;
using System.Text;

namespace RelanceBot.Tests.Documents;

/// <summary>
/// Reads generated PDFs back with Poppler's command-line tools (<c>apt-get install -y poppler-utils</c>; ./scripts/test.sh
/// installs them): what a reader's PDF viewer would extract and show, not what the writer thinks it drew.
/// </summary>
public static class Poppler
{
    /// <summary>The document's text in reading order, one page after another (pages separated by a form feed).</summary>
    public static string Text(byte[] pdf) => Run("pdftotext", pdf, ["-enc", "UTF-8", "{file}", "-"]);

    public static int PageCount(byte[] pdf)
    {
        var info = Run("pdfinfo", pdf, ["{file}"]);
        var pages = info.Split('\n').Single(line => line.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(pages["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Renders every page to PNG at the given resolution; returns the files' paths in page order.</summary>
    public static IReadOnlyList<string> RenderPng(byte[] pdf, string directory, string prefix, int dpi = 80)
    {
        Directory.CreateDirectory(directory);
        var root = Path.Combine(directory, prefix);
        Run("pdftoppm", pdf, ["-png", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "{file}", root]);
        return Directory.GetFiles(directory, $"{prefix}-*.png").Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Text with every run of white space made one space: a sentence wrapped over two lines reads as one.</summary>
    public static string Flatten(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Run(string tool, byte[] pdf, string[] arguments)
    {
        var file = Path.Combine(Path.GetTempPath(), $"relancebot-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument == "{file}" ? file : argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool} (is poppler-utils installed?).");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{tool} did not finish.");
            }

            if (process.ExitCode != 0 || error.Result.Contains("Error", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {error.Result}");
            }

            return output.Result;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
