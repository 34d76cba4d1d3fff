using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelanceBot.Alerts;
using RelanceBot.Conversations.Dialogs;
using RelanceBot.Persistence;

namespace RelanceBot.Conversations.Flows;

/// <summary>
/// The identity check of a conversation a practice's web page opened (no reminder link): last name and date of birth
/// must match exactly one active patient of that practice. Names compare without case or accents. After
/// <see cref="ConversationOptions.IdentityMaxAttempts"/> failures the check locks for a while and staff are alerted.
/// </summary>
public sealed class IdentityFlow(
    PatientSession session,
    RelanceBotDbContext db,
    StaffAlerts alerts,
    FlowRouter router,
    IOptions<ConversationOptions> options) : IPatientFlow
{
    private const string LastNameKey = "lastName";

    public Dialog Dialog => new WaterfallDialog(FlowIds.Identity, [AskLastNameAsync, AskBirthDateAsync, VerifyAsync]);

    private async Task<DialogTurnResult> AskLastNameAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (session.State.IsIdentityCheckLocked(session.Now))
        {
            return await step.SayAndEndAsync(session.Say("identity-locked"), cancellationToken);
        }

        return await step.PromptAsync(FlowIds.TextPrompt, new PromptOptions(session.Say("identity-ask-last-name")), cancellationToken);
    }

    private async Task<DialogTurnResult> AskBirthDateAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result?.GetValue<string>() is not { } lastName)
        {
            return await step.SayAndEndAsync(session.Say("not-understood"), cancellationToken);
        }

        step.Values[LastNameKey] = lastName;
        return await step.PromptAsync(
            FlowIds.BirthDatePrompt,
            new PromptOptions(session.Say("identity-ask-birth-date"), session.Say("identity-retry-birth-date")),
            cancellationToken);
    }

    private async Task<DialogTurnResult> VerifyAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (DatePrompt.Read(step.Result) is not { } birthDate)
        {
            return await step.SayAndEndAsync(session.Say("not-understood"), cancellationToken);
        }

        var practiceId = session.State.PracticeId!.Value;
        var lastName = ChoiceRecognizer.Normalize(step.Values[LastNameKey]!.GetValue<string>());
        var candidates = await db.Patients
            .Where(patient => patient.PracticeId == practiceId && patient.DateOfBirth == birthDate && patient.DeactivatedAt == null)
            .Select(patient => new { patient.Id, patient.LastName })
            .ToListAsync(cancellationToken);
        var matches = candidates.Where(candidate => ChoiceRecognizer.Normalize(candidate.LastName) == lastName).ToList();
        var request = step.OptionsAs<FlowRequest>() ?? new FlowRequest("");

        // Two patients of one practice sharing name and birth date cannot be told apart: neither is shown.
        if (matches.Count != 1)
        {
            return await FailAsync(step, practiceId, request, cancellationToken);
        }

        var patient = await db.Patients.Include(p => p.Channels).SingleAsync(p => p.Id == matches[0].Id, cancellationToken);
        ConversationLinker.Bind(patient, session.Conversation, session.Now);
        session.State.PassIdentityCheck(session.Now);
        session.Bound();
        await step.SendAsync(session.Say("identity-verified", ("firstName", patient.FirstName)), cancellationToken);
        return await router.ReplaceAsync(step.Context, request.ResumeFlow ?? FlowIds.Menu, request with { ResumeFlow = null }, cancellationToken);
    }

    private async Task<DialogTurnResult> FailAsync(WaterfallStepContext step, Guid practiceId, FlowRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!session.State.FailIdentityCheck(settings.IdentityMaxAttempts, settings.IdentityLockDuration, session.Now))
        {
            await step.SendAsync(session.Say("identity-failed"), cancellationToken);
            return await step.ReplaceAsync(FlowIds.Identity, DialogJson.ToNode(request), cancellationToken);
        }

        alerts.Raise(new NewStaffAlert(
            practiceId,
            StaffAlertKind.IdentityCheckLocked,
            $"Vérification d'identité bloquée après {settings.IdentityMaxAttempts} échecs dans une conversation {session.Conversation.ChannelId}.",
            PatientWords: step.Values[LastNameKey]?.GetValue<string>()));
        return await step.SayAndEndAsync(session.Say("identity-locked"), cancellationToken);
    }
}
