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

    /// <summary>Patients by id, untracked, with their channels (in the order they were added).</summary>
    /// <remarks>
    /// Two queries instead of an <c>Include</c>: EF Core's collection include compiles its shaper with nested lambdas,
    /// and so builds new delegates (<c>DynamicMethod.CreateDelegate</c>) for every parent row, which for a reminder
    /// batch cost more than reading the rows (1,000 patients: 15 ms with the include, 9.5 ms in two queries).
    /// </remarks>
    public static async Task<Dictionary<Guid, Patient>> PatientsWithChannelsAsync(
        this RelanceBotDbContext db, IReadOnlyCollection<Guid> patientIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patientIds);
        var ids = patientIds.ToList();
        var patients = await db.Patients.AsNoTracking().IgnoreAutoIncludes()
            .Where(patient => EF.Parameter(ids).Contains(patient.Id))
            .ToDictionaryAsync(patient => patient.Id, cancellationToken);
        var channels = await db.Set<PatientChannel>().AsNoTracking()
            .Where(channel => EF.Parameter(ids).Contains(channel.PatientId))
            .OrderBy(channel => channel.Id)
            .ToListAsync(cancellationToken);
        var patientChannels = db.Model.FindEntityType(typeof(Patient))!.FindNavigation(nameof(Patient.Channels))!.GetCollectionAccessor()!;
        foreach (var channel in channels)
        {
            // A patient deleted between the two reads took its channels with it.
            if (patients.TryGetValue(channel.PatientId, out var patient))
            {
                patientChannels.Add(patient, channel, forMaterialization: true);
            }
        }

        return patients;
    }
}
