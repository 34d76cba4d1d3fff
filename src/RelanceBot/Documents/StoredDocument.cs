using System.Security.Cryptography;

namespace RelanceBot.Documents;

/// <summary>
/// A generated document kept exactly as it was sent (a letter is evidence: it is never regenerated), stored once and
/// referenced by id from the messages that carry it and the records that name it.
/// </summary>
public sealed class StoredDocument
{
    public const string PdfContentType = "application/pdf";

    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public byte[] Content { get; private set; } = [];

    /// <summary>SHA-256 of <see cref="Content"/>, lower-case hex: what proves later which document was sent.</summary>
    public string Sha256 { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    private StoredDocument()
    {
    }

    public static StoredDocument Pdf(Guid practiceId, string fileName, byte[] content, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(content);
        return new StoredDocument
        {
            Id = Guid.CreateVersion7(now),
            PracticeId = practiceId,
            FileName = fileName,
            ContentType = PdfContentType,
            Content = content,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            CreatedAt = now,
        };
    }
}
