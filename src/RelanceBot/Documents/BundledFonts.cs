using System.Reflection;
using PdfSharp.Fonts;

namespace RelanceBot.Documents;

/// <summary>
/// The one font every document is drawn with, Liberation Sans (SIL Open Font License, see Fonts/LICENSE-LiberationSans.txt),
/// embedded in the assembly: a Linux host may have no fonts at all, and PDFsharp finds none by itself there.
/// </summary>
public static class BundledFonts
{
    public const string Family = "Liberation Sans";

    private static readonly object Gate = new();
    private static readonly BundledFontResolver Resolver = new();

    /// <summary>
    /// Installs the resolver in PDFsharp's process-wide settings. Idempotent and thread-safe: PDFsharp accepts only
    /// one resolver per process, set before its first font operation, so every writer calls this first.
    /// </summary>
    public static void EnsureRegistered()
    {
        if (ReferenceEquals(GlobalFontSettings.FontResolver, Resolver))
        {
            return;
        }

        lock (Gate)
        {
            switch (GlobalFontSettings.FontResolver)
            {
                case null:
                    GlobalFontSettings.FontResolver = Resolver;
                    break;
                case BundledFontResolver:
                    break;
                default:
                    throw new InvalidOperationException("Another PDFsharp font resolver is installed; documents must use the bundled fonts.");
            }
        }
    }

    /// <summary>Maps every family name to the bundled faces, so no request ever reaches the host's fonts.</summary>
    private sealed class BundledFontResolver : IFontResolver
    {
        private const string Regular = "LiberationSans-Regular";
        private const string Bold = "LiberationSans-Bold";

        private static readonly Lazy<byte[]> RegularFace = new(() => Load(Regular));
        private static readonly Lazy<byte[]> BoldFace = new(() => Load(Bold));

        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

        public byte[] GetFont(string faceName) => faceName switch
        {
            Regular => RegularFace.Value,
            Bold => BoldFace.Value,
            _ => throw new ArgumentException($"Unknown bundled font face '{faceName}'.", nameof(faceName)),
        };

        private static byte[] Load(string face)
        {
            var name = $"RelanceBot.Documents.Fonts.{face}.ttf";
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The font resource '{name}' is missing from the build.");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }
    }
}
