namespace RelanceBot.Payments;

/// <summary>What the payments and plans work has to tell a patient; the wording lives with whoever sends it.</summary>
public enum PatientNoticeKind
{
    /// <summary>Thank you: the invoice is settled.</summary>
    InvoicePaid,

    /// <summary>Staff approved the plan: here is the link for installment 1 (the card is saved for the others).</summary>
    PlanApproved,

    /// <summary>Staff declined the plan; the patient may pay through the link or call the practice.</summary>
    PlanRejected,

    /// <summary>A saved-card charge failed (declined or needs authentication): here is the link for this installment.</summary>
    InstallmentChargeFailed,

    /// <summary>The card payment through Checkout did not go through in the end: here is the link again.</summary>
    PaymentFailed,

    /// <summary>Today is the date the patient chose: here is the link.</summary>
    DeferredPaymentDue,
}
