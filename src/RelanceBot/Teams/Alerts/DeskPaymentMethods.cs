namespace RelanceBot.Teams.Alerts;

/// <summary>How a patient paid at the practice's desk, as the "paid at the desk" form submits it.</summary>
public static class DeskPaymentMethods
{
    public const string Cash = "cash";
    public const string Cheque = "cheque";

    public static bool IsKnown(string? method) => method is Cash or Cheque;
}
