using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using RelanceBot.Teams.Messages;

namespace RelanceBot.Teams.Package;

/// <summary>
/// The Teams app package: a zip holding the manifest, its localization files and the two icons at its root, what the
/// Teams admin center and "Upload a custom app" take.
/// </summary>
public static class TeamsAppPackage
{
    /// <summary>Readable by whoever opens the zip: accented letters written as they are, not as <c>\u00e9</c>.</summary>
    private static readonly JsonSerializerOptions Readable = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Writes the package to <paramref name="path"/> in one step: built beside it under a temporary name, then moved
    /// over it, so a failure leaves no partial zip (and an earlier package intact).
    /// </summary>
    public static async Task WriteAsync(string path, TeamsAppIdentity app, TeamsMessages messages, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            await using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
            {
                await AddAsync(zip, TeamsAppManifest.FileName, Json(TeamsAppManifest.Create(app, messages)), cancellationToken);
                foreach (var language in TeamsAppManifest.AdditionalLanguages)
                {
                    await AddAsync(
                        zip, TeamsAppManifest.LocalizationFileName(language), Json(TeamsAppManifest.Localization(language, messages)), cancellationToken);
                }

                foreach (var icon in (string[])[TeamsAppManifest.ColorIcon, TeamsAppManifest.OutlineIcon])
                {
                    await using var png = typeof(TeamsAppPackage).Assembly.GetManifestResourceStream($"RelanceBot.Teams.Package.Icons.{icon}")
                        ?? throw new InvalidOperationException($"The icon {icon} is not embedded in the app.");
                    await using var entry = await zip.CreateEntry(icon).OpenAsync(cancellationToken);
                    await png.CopyToAsync(entry, cancellationToken);
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static byte[] Json(JsonObject json) => Encoding.UTF8.GetBytes(json.ToJsonString(Readable));

    private static async Task AddAsync(ZipArchive zip, string name, byte[] content, CancellationToken cancellationToken)
    {
        await using var entry = await zip.CreateEntry(name).OpenAsync(cancellationToken);
        await entry.WriteAsync(content, cancellationToken);
    }
}
