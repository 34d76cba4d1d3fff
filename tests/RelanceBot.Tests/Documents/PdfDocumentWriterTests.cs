using RelanceBot.Documents;
using Shouldly;
using Xunit;

namespace RelanceBot.Tests.Documents;

public sealed class PdfDocumentWriterTests
{
    private static readonly DateTimeOffset Created = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Accented_french_text_in_every_block_renders_in_the_bundled_font_and_extracts_back()
    {
        const string link = "https://relance.example.fr/p/Tq8vJ3kLmN0pQrStUvWxYz0123456789abcdefGHIJKLMNOP";
        byte[] pdf;
        using (var writer = new PdfDocumentWriter("Lettre d'essai", Created))
        {
            writer.Heading("Mise en demeure de payer");
            writer.Paragraph("Cabinet du Dr Hélène Lefèvre\n12, rue de l'Église\n67000 Strasbourg", TextStyle.Strong);
            writer.Paragraph("Mme Françoise Dupré-Cœur\n3, allée des Peupliers\n68100 Mulhouse", new TextStyle(Indent: 260));
            writer.Paragraph("Madame, nous constatons qu'à ce jour la somme ci-dessous reste impayée ; aucun frais ni pénalité n'est ajouté. "
                + "Ce paragraphe est volontairement long pour être coupé sur plusieurs lignes à la largeur de la page.");
            writer.Table(
                [new TableColumn("Référence"), new TableColumn("Date"), new TableColumn("Montant dû", Align: TextAlign.Right)],
                [["F-2026-0042", "15 janvier 2026", "1 234,56 €"], ["F-2026-0043", "2 février 2026", "78,00 €"]]);
            writer.Paragraph(link);
            writer.QrCode(link, side: 90);
            writer.PageBreak();
            writer.Paragraph("Deuxième page : « guillemets », ÀÉÈÙÇ œ æ ß.", new TextStyle(Align: TextAlign.Right));
            pdf = writer.ToPdf();
        }

        Poppler.PageCount(pdf).ShouldBe(2);
        var text = Poppler.Text(pdf);
        text.ShouldContain("Mise en demeure de payer");
        text.ShouldContain("Cabinet du Dr Hélène Lefèvre");
        text.ShouldContain("12, rue de l'Église");
        text.ShouldContain("Mme Françoise Dupré-Cœur");
        text.ShouldContain("Référence");
        text.ShouldContain("1 234,56 €");
        text.ShouldContain("2 février 2026");
        text.ShouldContain("Deuxième page : « guillemets », ÀÉÈÙÇ œ æ ß.");
        var flat = Poppler.Flatten(text);
        flat.ShouldContain("aucun frais ni pénalité n'est ajouté. Ce paragraphe est volontairement long pour être coupé sur plusieurs lignes");
        // The link is longer than a line only at narrow widths; cut or not, every character comes back in order.
        flat.Replace(" ", "", StringComparison.Ordinal).ShouldContain(link);
        text.Split('\f')[1].ShouldContain("Deuxième page");
    }

    [Fact]
    public void A_table_longer_than_a_page_continues_on_the_next_page_under_its_header()
    {
        byte[] pdf;
        using (var writer = new PdfDocumentWriter("Tableau", Created))
        {
            writer.Table(
                [new TableColumn("Numéro"), new TableColumn("Libellé", Weight: 3)],
                Enumerable.Range(1, 80).Select(number => (IReadOnlyList<string>)[$"L{number:000}", $"ligne numéro {number}"]));
            pdf = writer.ToPdf();
        }

        Poppler.PageCount(pdf).ShouldBeGreaterThan(1);
        var pages = Poppler.Text(pdf).Split('\f', StringSplitOptions.RemoveEmptyEntries);
        pages[1].ShouldContain("Numéro");
        pages[1].ShouldContain("Libellé");
        Poppler.Text(pdf).ShouldContain("L080");
    }

    [Fact]
    public void Registering_the_bundled_fonts_from_many_threads_at_once_is_harmless()
    {
        Parallel.For(0, 16, _ => BundledFonts.EnsureRegistered());
        PdfSharp.Fonts.GlobalFontSettings.FontResolver.ShouldNotBeNull();
    }
}
