namespace RelanceBot.Alerts;

/// <summary>What needs a human at the practice. Stored by name, so kinds can be added freely.</summary>
public enum StaffAlertKind
{
    Escalation,
    Dispute,
    AlreadyPaidClaim,
    TalkToHuman,
    PlanApproval,
    InstallmentFailures,
    OptOut,
    FormalNoticeApproval,
    CollectionHandOff,
    NoUsableChannel,
    IdentityCheckLocked,

    /// <summary>The patient told of money trouble: reminders wait while someone looks.</summary>
    Hardship,

    /// <summary>For information: an invoice was paid online (nothing to decide).</summary>
    InvoicePaid,

    /// <summary>An approved mise en demeure was written as a letter: staff can download it (only the post carries it when the patient has no e-mail).</summary>
    FormalNoticeLetter,

    /// <summary>The sweep could not plan or render this invoice's reminders: they wait until someone looks.</summary>
    ReminderFailed,

    /// <summary>The file is with a collection service: staff say when it was recovered or given back.</summary>
    CollectionInProgress,

    /// <summary>The invoice reaches its two-year limitation within 60 days, unless the patient acknowledges the debt.</summary>
    LimitationApproaching,

    /// <summary>Messages cannot go because of the bot's settings (SMTP server, TLS, login, sender, SMS provider).</summary>
    DeliveryConfiguration,
}
