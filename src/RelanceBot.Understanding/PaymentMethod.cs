namespace RelanceBot.Understanding;

/// <summary>A means of payment the patient mentioned (used or intended).</summary>
public enum PaymentMethod
{
    Card,
    Cheque,
    BankTransfer,
    Cash,
}
