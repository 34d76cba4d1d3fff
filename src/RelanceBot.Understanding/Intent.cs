namespace RelanceBot.Understanding;

/// <summary>What a patient means by a free-text reply to a payment reminder.</summary>
public enum Intent
{
    Other,
    PayNow,
    Installments,
    Defer,
    AlreadyPaid,
    Dispute,
    Hardship,
    InvoiceDetails,
    TalkToHuman,
    Stop,
    Greeting,
}
