using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelanceBot.Alerts;
using RelanceBot.Conversations.Messages;
using RelanceBot.Delivery;
using RelanceBot.Persistence;

namespace RelanceBot.Outbox;

/// <summary>
/// A send that failed because of the bot's settings (<see cref="DeliveryConfigurationFault"/>): one log line saying
/// what to fix, and one <see cref="StaffAlertKind.DeliveryConfiguration"/> alert per practice while it is open, not one
/// per message. Works in the dispatcher's unit of work.
/// </summary>
internal sealed class DeliveryConfigurationAlerts(
    RelanceBotDbContext db, StaffAlerts alerts, IOptions<EmailOptions> email, ILogger<DeliveryConfigurationAlerts> logger)
{
    private readonly HashSet<(Guid, DeliveryConfigurationFault)> _reported = [];

    public async Task ReportAsync(Guid practiceId, DeliveryConfigurationFault fault, CancellationToken cancellationToken)
    {
        if (!_reported.Add((practiceId, fault)))
        {
            return;
        }

        var settings = email.Value;
        (string, string)[] values =
        [
            ("server", $"{settings.Host}:{settings.Port}"),
            ("tls", settings.Tls.ToString()),
            ("sender", settings.SenderAddress),
        ];
        var key = $"config-{fault}";
        logger.LogWarning("Delivery configuration fault {Fault}: {Fix}", fault, alerts.TextsIn(BotLanguage.English).Say(key, values));

        var alreadyOpen = db.StaffAlerts.Local.Any(alert => IsOpen(alert, practiceId))
            || await db.StaffAlerts.AnyAsync(
                alert => alert.PracticeId == practiceId && alert.Kind == StaffAlertKind.DeliveryConfiguration && alert.Status == StaffAlertStatus.Open,
                cancellationToken);
        if (!alreadyOpen)
        {
            var texts = await alerts.TextsForAsync(practiceId, cancellationToken);
            alerts.Raise(new NewStaffAlert(practiceId, StaffAlertKind.DeliveryConfiguration, texts.Say(key, values)));
        }
    }

    private static bool IsOpen(StaffAlert alert, Guid practiceId) =>
        alert.PracticeId == practiceId && alert.Kind == StaffAlertKind.DeliveryConfiguration && alert.Status == StaffAlertStatus.Open;
}
