namespace RelanceBot.Payments;

public enum SavedCardChargeStatus
{
    Succeeded,

    /// <summary>Accepted but not final; the webhook tells the outcome.</summary>
    Processing,

    /// <summary>Declined, or the bank wants the patient to authenticate: only the patient can pay now.</summary>
    Failed,
}
