using Microsoft.EntityFrameworkCore;
using RelanceBot.Persistence;

namespace RelanceBot.Patients;

public static class PatientQueries
{
    /// <summary>
    /// Finds a practice's patient by its reference, looking among staged (unsaved) changes first so that one file can
    /// create a patient and bill it in the same transaction.
    /// </summary>
    public static async Task<Patient?> FindPatientAsync(
        this RelanceBotDbContext db, Guid practiceId, string externalReference, CancellationToken cancellationToken) =>
        db.Patients.Local.FirstOrDefault(patient =>
            patient.PracticeId == practiceId && patient.ExternalReference == externalReference)
        ?? await db.Patients.FirstOrDefaultAsync(
            patient => patient.PracticeId == practiceId && patient.ExternalReference == externalReference,
            cancellationToken);
}
