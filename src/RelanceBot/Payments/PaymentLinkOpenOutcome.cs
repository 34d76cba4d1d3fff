namespace RelanceBot.Payments;

public enum PaymentLinkOpenOutcome
{
    /// <summary>A Checkout Session was created and the patient sent to it.</summary>
    RedirectedToCheckout,

    /// <summary>Nothing left to pay: the patient was told so politely.</summary>
    AlreadySettled,

    /// <summary>Cancelled, disputed or not payable online: the patient was asked to contact the practice.</summary>
    Unavailable,
}
