using System.Text;

namespace RelanceBot.Invoices.Import;

/// <summary>
/// The text of an imported file, in the encoding it was written in: UTF-8 (with or without a byte order mark),
/// UTF-16 with its mark, or Windows-1252, which French Excel writes for "CSV (séparateur : point-virgule)". Bytes
/// that fit none of them are refused rather than decoded into "Lef�vre".
/// </summary>
public static class CsvFileText
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Encoding StrictWindows1252 =
        CodePagesEncodingProvider.Instance.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;

    /// <summary>Decodes <paramref name="bytes"/>, or says in <paramref name="problem"/> why the file cannot be read as text.</summary>
    public static bool TryDecode(byte[] bytes, out string text, out string? problem)
    {
        text = "";
        problem = null;
        if (Decode(bytes) is not { } decoded)
        {
            problem = "The file is neither UTF-8 nor Windows-1252 text. Save it from the spreadsheet as \"CSV UTF-8\".";
            return false;
        }

        if (decoded.Any(character => char.IsControl(character) && character is not ('\t' or '\r' or '\n')))
        {
            // NUL bytes (a binary file, UTF-16 without its mark) or bytes Windows-1252 leaves undefined.
            problem = "The file is not text in a known encoding (it holds control characters). Save it from the spreadsheet as \"CSV UTF-8\".";
            return false;
        }

        text = decoded;
        return true;
    }

    private static string? Decode(byte[] bytes)
    {
        ReadOnlySpan<byte> content = bytes;
        foreach (var unicode in new Encoding[] { Encoding.UTF8, Encoding.Unicode, Encoding.BigEndianUnicode })
        {
            var mark = unicode.Preamble;
            if (content.StartsWith(mark))
            {
                return TryGetString(unicode == Encoding.UTF8 ? StrictUtf8 : StrictCopy(unicode), content[mark.Length..]);
            }
        }

        // Without a mark, valid UTF-8 is UTF-8 (accented letters in Windows-1252 are never valid UTF-8 sequences).
        return TryGetString(StrictUtf8, content) ?? TryGetString(StrictWindows1252, content);
    }

    private static Encoding StrictCopy(Encoding encoding) =>
        Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    private static string? TryGetString(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
