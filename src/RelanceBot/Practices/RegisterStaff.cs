using Microsoft.EntityFrameworkCore;
using RelanceBot.Intake;
using RelanceBot.Persistence;

namespace RelanceBot.Practices;

/// <summary>Registers a staff member of a practice, known in Teams by their Entra object id.</summary>
public sealed class RegisterStaff(RelanceBotDbContext db, TimeProvider time)
{
    public sealed record Result(Staff? Staff, FieldErrors Errors);

    public async Task<Result> HandleAsync(Guid practiceId, string? name, string? aadObjectId, string? role, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add("name", "A name is required.");
        }

        var normalizedId = Staff.NormalizeAadObjectId(aadObjectId ?? "");
        if (!IsObjectId(normalizedId))
        {
            errors.Add("aadObjectId", "The member's Entra ID object id is required (letters, digits and hyphens, as Teams reports it).");
        }

        if (!Enum.TryParse<StaffRole>(role, ignoreCase: true, out var parsedRole) || !Enum.IsDefined(parsedRole))
        {
            errors.Add("role", $"The role is one of {string.Join(", ", Enum.GetNames<StaffRole>())}.");
        }

        if (!await db.Practices.AnyAsync(p => p.Id == practiceId, cancellationToken))
        {
            errors.Add("practice", $"No practice with id {practiceId}.");
        }

        if (errors.IsEmpty && await db.Staff.AnyAsync(s => s.PracticeId == practiceId && s.AadObjectId == normalizedId, cancellationToken))
        {
            errors.Add("aadObjectId", "This member is already registered for the practice.");
        }

        if (!errors.IsEmpty)
        {
            return new Result(null, errors);
        }

        var staff = Staff.Create(practiceId, name!, normalizedId, parsedRole, time.GetUtcNow());
        db.Staff.Add(staff);
        await db.SaveChangesAsync(cancellationToken);
        return new Result(staff, errors);
    }

    // Entra object ids are GUIDs, but Teams emulators use other shapes: accept any id-like token, compared lowercase.
    private static bool IsObjectId(string id)
        => id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
