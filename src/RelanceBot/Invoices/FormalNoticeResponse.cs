using System.ComponentModel;
using RelanceBot.FormalNotices;

namespace RelanceBot.Invoices;

/// <summary>The invoice's mise en demeure letter as its record keeps it; the PDF is at <c>/invoices/{ref}/formal-notice.pdf</c>.</summary>
public sealed record FormalNoticeResponse(
    [property: Description("The date printed on the letter (practice's calendar).")] DateOnly LetterDate,
    [property: Description("The last day to pay the letter gives.")] DateOnly PaymentDeadline,
    [property: Description("SHA-256 of the PDF, lower-case hex.")] string Sha256,
    [property: Description("When the e-mail carrying the letter was delivered; absent while it was not (or the patient has no e-mail: post only).")] DateTimeOffset? SentAt)
{
    public static FormalNoticeResponse From(FormalNotice notice) => new(notice.LetterDate, notice.PaymentDeadline, notice.Sha256, notice.SentAt);
}
