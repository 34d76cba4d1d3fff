namespace RelanceBot.Payments;

/// <summary>What a Stripe payment is for, carried in its metadata (ids only: no care details ever go to Stripe).</summary>
public sealed record PaymentReference(Guid PracticeId, Guid InvoiceId, Guid? PlanId = null, Guid? InstallmentId = null)
{
    private const string PracticeKey = "practice_id";
    private const string InvoiceKey = "invoice_id";
    private const string PlanKey = "plan_id";
    private const string InstallmentKey = "installment_id";

    public Dictionary<string, string> ToMetadata()
    {
        var metadata = new Dictionary<string, string>
        {
            [PracticeKey] = PracticeId.ToString(),
            [InvoiceKey] = InvoiceId.ToString(),
        };
        if (PlanId is { } planId)
        {
            metadata[PlanKey] = planId.ToString();
        }

        if (InstallmentId is { } installmentId)
        {
            metadata[InstallmentKey] = installmentId.ToString();
        }

        return metadata;
    }

    /// <summary>Null when the metadata is not the bot's (another integration on the same Stripe account).</summary>
    public static PaymentReference? FromMetadata(IReadOnlyDictionary<string, string>? metadata) =>
        metadata is not null
        && TryGuid(metadata, PracticeKey) is { } practiceId
        && TryGuid(metadata, InvoiceKey) is { } invoiceId
            ? new PaymentReference(practiceId, invoiceId, TryGuid(metadata, PlanKey), TryGuid(metadata, InstallmentKey))
            : null;

    private static Guid? TryGuid(IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var value) && Guid.TryParse(value, out var id) ? id : null;
}
