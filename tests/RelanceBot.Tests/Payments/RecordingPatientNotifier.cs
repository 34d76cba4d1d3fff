using System.Collections.Concurrent;
using RelanceBot.Payments;

namespace RelanceBot.Tests.Payments;

/// <summary>Keeps what would be sent to patients (stands in for the outbox).</summary>
public sealed class RecordingPatientNotifier : IPatientNotifier
{
    private readonly ConcurrentQueue<PatientNotice> _notices = new();

    public IReadOnlyCollection<PatientNotice> Notices => _notices;

    public void Notify(PatientNotice notice) => _notices.Enqueue(notice);
}
