namespace RelanceBot.Outbox;

/// <summary>Why a message is sent; send guards and the fallback decide by it.</summary>
public enum OutboxPurpose
{
    Reminder,
    InstallmentReminder,
    PaymentReceipt,
    PlanConfirmation,

    /// <summary>A pay link the patient arranged for (a deferred date, a card that failed): sent while reminders are paused.</summary>
    PaymentLink,
    FormalNotice,

    /// <summary>
    /// The bot's answer to what the patient just texted: sent even on a channel they opted out of (the STOP confirmation
    /// is one), never moved to another channel.
    /// </summary>
    ConversationReply,

    /// <summary>For the practice's staff, never for a patient: it has no fallback.</summary>
    StaffAlert,
}
