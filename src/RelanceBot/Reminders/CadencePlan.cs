namespace RelanceBot.Reminders;

/// <summary>
/// What to do for one invoice now. <see cref="HasWork"/> false means wait until <see cref="NextWake"/> (null: until
/// the invoice or the policy changes).
/// </summary>
/// <param name="Skip">Earlier steps overtaken by a later due one, or notices that came too late: recorded, never sent.</param>
/// <param name="BelowMinimum">Legal steps for an amount below the practice minimum: recorded, never proposed.</param>
/// <param name="Alerts">Steps that tell the practitioner now (escalation, approval request, hand-off).</param>
/// <param name="Send">The one message to enqueue now, inside a contact window and the quota.</param>
public sealed record CadencePlan(
    IReadOnlyList<CadenceStep> Skip,
    IReadOnlyList<CadenceStep> BelowMinimum,
    IReadOnlyList<CadenceStep> Alerts,
    CadenceStep? Send,
    DateTimeOffset? NextWake)
{
    public static CadencePlan WaitUntil(DateTimeOffset? instant) => new([], [], [], null, instant);

    public bool HasWork => Skip.Count > 0 || BelowMinimum.Count > 0 || Alerts.Count > 0 || Send is not null;
}
