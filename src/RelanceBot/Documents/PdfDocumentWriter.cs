using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace RelanceBot.Documents;

/// <summary>
/// Writes an A4 document top to bottom: headings, wrapped paragraphs, tables and QR codes, breaking pages when the
/// next block does not fit (a table repeats its header). Text is drawn in the bundled font, so it extracts back as
/// Unicode (accents included) and renders the same on any host. One writer per document; not thread-safe.
/// </summary>
public sealed class PdfDocumentWriter : IDisposable
{
    private const double Margin = 56.7; // 20 mm
    private const double LineSpacing = 1.3;
    private const double CellPadding = 3;

    private readonly PdfDocument document = new();
    private readonly Dictionary<(double, bool), XFont> fonts = [];
    private XGraphics? graphics;
    private double y;

    public PdfDocumentWriter(string title, DateTimeOffset createdAt)
    {
        BundledFonts.EnsureRegistered();
        document.Info.Title = title;
        document.Info.Creator = "RelanceBot";
        document.Info.CreationDate = createdAt.UtcDateTime;
        document.Info.ModificationDate = createdAt.UtcDateTime;
        NewPage();
    }

    private double TextWidth => PageWidth - 2 * Margin;

    private double PageWidth => Page.Width.Point;

    private double Bottom => Page.Height.Point - Margin;

    private PdfPage Page => document.Pages[^1];

    private XGraphics Graphics => graphics ?? throw new ObjectDisposedException(nameof(PdfDocumentWriter));

    public void Heading(string text)
    {
        Space(6);
        Paragraph(text, TextStyle.Heading);
        Space(4);
    }

    /// <summary>Writes text wrapped to the width; a line break in the text starts a new line.</summary>
    public void Paragraph(string text, TextStyle? style = null)
    {
        style ??= TextStyle.Body;
        var font = Font(style.Size, style.Bold);
        var width = TextWidth - style.Indent;
        var lineHeight = style.Size * LineSpacing;
        foreach (var line in Wrap(text, font, width))
        {
            EnsureRoom(lineHeight);
            var x = Margin + style.Indent;
            if (style.Align == TextAlign.Right)
            {
                x += width - Graphics.MeasureString(line, font).Width;
            }

            Graphics.DrawString(line, font, XBrushes.Black, x, y, XStringFormats.TopLeft);
            y += lineHeight;
        }
    }

    public void Table(IReadOnlyList<TableColumn> columns, IEnumerable<IReadOnlyList<string>> rows, double size = 9)
    {
        var totalWeight = columns.Sum(column => column.Weight);
        var widths = columns.Select(column => TextWidth * column.Weight / totalWeight).ToArray();
        var header = columns.Select(column => column.Header).ToArray();
        DrawRow(header, columns, widths, size, bold: true, repeatHeader: null);
        foreach (var row in rows)
        {
            if (row.Count != columns.Count)
            {
                throw new ArgumentException($"A row has {row.Count} cells for {columns.Count} columns.", nameof(rows));
            }

            DrawRow(row, columns, widths, size, bold: false, repeatHeader: header);
        }

        Space(4);
    }

    /// <summary>Draws a QR code of the given side (points) as vector squares: sharp in print at any size.</summary>
    public void QrCode(string content, double side, double indent = 0)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var module = side / modules.Count;
        EnsureRoom(side);
        var left = Margin + indent;
        for (var row = 0; row < modules.Count; row++)
        {
            // One rectangle per run of dark modules keeps the page small and leaves no hairline between squares.
            var start = -1;
            for (var column = 0; column <= modules[row].Length; column++)
            {
                var dark = column < modules[row].Length && modules[row][column];
                if (dark && start < 0)
                {
                    start = column;
                }
                else if (!dark && start >= 0)
                {
                    Graphics.DrawRectangle(XBrushes.Black, left + start * module, y + row * module, (column - start) * module, module);
                    start = -1;
                }
            }
        }

        y += side;
    }

    public void Space(double points) => y = Math.Min(y + points, Bottom);

    public void PageBreak() => NewPage();

    /// <summary>Finishes the document and returns its bytes; the writer cannot be used afterwards.</summary>
    public byte[] ToPdf()
    {
        graphics?.Dispose();
        graphics = null;
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        graphics?.Dispose();
        document.Dispose();
    }

    private void DrawRow(IReadOnlyList<string> cells, IReadOnlyList<TableColumn> columns, double[] widths, double size, bool bold, string[]? repeatHeader)
    {
        var font = Font(size, bold);
        var lineHeight = size * LineSpacing;
        var lines = cells.Select((cell, index) => Wrap(cell, font, widths[index] - 2 * CellPadding)).ToArray();
        var height = lines.Max(cellLines => cellLines.Count) * lineHeight + 2 * CellPadding;
        if (y + height > Bottom && repeatHeader is not null)
        {
            NewPage();
            DrawRow(repeatHeader, columns, widths, size, bold: true, repeatHeader: null);
        }

        EnsureRoom(height);
        var x = Margin;
        for (var index = 0; index < cells.Count; index++)
        {
            var lineY = y + CellPadding;
            foreach (var line in lines[index])
            {
                var lineX = columns[index].Align == TextAlign.Right
                    ? x + widths[index] - CellPadding - Graphics.MeasureString(line, font).Width
                    : x + CellPadding;
                Graphics.DrawString(line, font, XBrushes.Black, lineX, lineY, XStringFormats.TopLeft);
                lineY += lineHeight;
            }

            x += widths[index];
        }

        y += height;
        Graphics.DrawLine(bold ? XPens.Black : XPens.LightGray, Margin, y, Margin + TextWidth, y);
    }

    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (Fits(candidate, font, width))
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = BreakLongWord(word, font, width, lines);
            }

            lines.Add(line);
        }

        return lines;
    }

    /// <summary>A word wider than the line (a long link) is cut where the width ends; returns its last piece.</summary>
    private string BreakLongWord(string word, XFont font, double width, List<string> lines)
    {
        while (!Fits(word, font, width))
        {
            var length = word.Length - 1;
            while (length > 1 && !Fits(word[..length], font, width))
            {
                length--;
            }

            lines.Add(word[..length]);
            word = word[length..];
        }

        return word;
    }

    private bool Fits(string text, XFont font, double width) => Graphics.MeasureString(text, font).Width <= width;

    private void EnsureRoom(double height)
    {
        if (y + height > Bottom)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        graphics?.Dispose();
        var page = document.AddPage();
        page.Size = PageSize.A4;
        graphics = XGraphics.FromPdfPage(page);
        y = Margin;
    }

    private XFont Font(double size, bool bold)
    {
        if (!fonts.TryGetValue((size, bold), out var font))
        {
            font = new XFont(BundledFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            fonts[(size, bold)] = font;
        }

        return font;
    }
}
