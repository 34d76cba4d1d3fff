namespace RelanceBot.Plans;

public sealed record InstallmentResponse(int Number, long AmountCents, DateOnly DueDate, string Status, int FailedAttempts)
{
    public static InstallmentResponse From(Installment installment) => new(
        installment.Number, installment.AmountCents, installment.DueDate, installment.Status.ToString(), installment.FailedAttempts);
}
