namespace RelanceBot.Plans;

public enum InstallmentStatus
{
    Due,
    Paid,
}
