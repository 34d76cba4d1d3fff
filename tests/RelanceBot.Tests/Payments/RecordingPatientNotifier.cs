using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Payments;

namespace RelanceBot.Tests.Payments;

/// <summary>
/// Keeps every notice the app gives its <see cref="IPatientNotifier"/>, which then enqueues it in the outbox as in
/// production: tests can look at the notice or at the message.
/// </summary>
public sealed class RecordingPatientNotifier
{
    private readonly ConcurrentQueue<PatientNotice> _notices = new();

    public IReadOnlyCollection<PatientNotice> Notices => _notices;

    public void Register(IServiceCollection services) => services.AddScoped<IPatientNotifier>(provider =>
        new RecordingThenOutbox(this, ActivatorUtilities.CreateInstance<OutboxPatientNotifier>(provider)));

    private sealed class RecordingThenOutbox(RecordingPatientNotifier recorder, OutboxPatientNotifier outbox) : IPatientNotifier
    {
        public Task NotifyAsync(PatientNotice notice, CancellationToken cancellationToken)
        {
            recorder._notices.Enqueue(notice);
            return outbox.NotifyAsync(notice, cancellationToken);
        }
    }
}
