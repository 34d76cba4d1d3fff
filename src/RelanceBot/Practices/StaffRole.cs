namespace RelanceBot.Practices;

public enum StaffRole
{
    Practitioner,
    Assistant,
    Manager,
}
