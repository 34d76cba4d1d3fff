using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelanceBot.Alerts;
using RelanceBot.Conversations.Dialogs;
using RelanceBot.Persistence;

namespace RelanceBot.Conversations.Flows;

/// <summary>
/// The identity check of a conversation a practice's web page opened (no reminder link): last name and date of birth
/// must match exactly one active patient of that practice. Names compare without case or accents; the first name may
/// come with the last one, and a name given as the conversation's first message is taken without asking again. Failures count per
/// conversation, per surname typed and per patient whose birth date was typed (<see cref="IdentityCheckThrottle"/>),
/// so new conversations bring no fresh tries; after <see cref="ConversationOptions.IdentityMaxAttempts"/> failures
/// within <see cref="ConversationOptions.IdentityAttemptWindow"/> the subject is locked for a while and staff are alerted.
/// </summary>
public sealed class IdentityFlow(
    PatientSession session,
    RelanceBotDbContext db,
    StaffAlerts alerts,
    IdentityCheckThrottles throttles,
    FlowRouter router,
    IOptions<ConversationOptions> options) : IPatientFlow
{
    private const string LastNameKey = "lastName";

    public Dialog Dialog => new WaterfallDialog(FlowIds.Identity, [AskLastNameAsync, AskBirthDateAsync, VerifyAsync]);

    private async Task<DialogTurnResult> AskLastNameAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (session.State.PracticeId is { } practiceId
            && await throttles.IsConversationLockedAsync(practiceId, session.Conversation.Id, cancellationToken))
        {
            return await step.SayAndEndAsync(session.Say("identity-locked"), cancellationToken);
        }

        // "Martin", "Jeanne Martin", "je suis Jeanne Martin" as the first message: the name is not asked again.
        if (step.OptionsAs<FlowRequest>() is { ResumeFlow: FlowIds.Menu } request && PatientNames.GivenIn(request.Words) is { } name)
        {
            return await step.NextAsync(JsonValue.Create(name), cancellationToken);
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
        var matches = candidates.Where(candidate => PatientNames.Matches(lastName, candidate.LastName)).ToList();
        var request = step.OptionsAs<FlowRequest>() ?? new FlowRequest("");
        var conversationSubject = IdentityCheckThrottles.ConversationSubject(session.Conversation.Id);
        string[] subjects =
        [
            conversationSubject,
            IdentityCheckThrottles.SurnameSubject(lastName),
            .. candidates.Select(candidate => IdentityCheckThrottles.PatientSubject(candidate.Id)),
        ];
        var counters = await throttles.FindAsync(practiceId, subjects, cancellationToken);

        // Locked, even the right answers are refused: that is what makes guessing across conversations pointless.
        if (counters.Any(counter => counter.IsLockedAt(session.Now)))
        {
            return await step.SayAndEndAsync(session.Say("identity-locked"), cancellationToken);
        }

        // Two patients of one practice sharing name and birth date cannot be told apart: neither is shown.
        if (matches.Count != 1)
        {
            foreach (var subject in subjects.Except(counters.Select(counter => counter.Subject), StringComparer.Ordinal))
            {
                counters.Add(throttles.Start(practiceId, subject));
            }

            return await FailAsync(step, practiceId, counters, request, cancellationToken);
        }

        var patient = await db.Patients.Include(p => p.Channels).SingleAsync(p => p.Id == matches[0].Id, cancellationToken);
        ConversationLinker.Bind(patient, session.Conversation, session.Now);
        counters.SingleOrDefault(counter => counter.Subject == conversationSubject)?.Pass();
        session.Bound();
        await step.SendAsync(session.Say("identity-verified", ("firstName", patient.FirstName)), cancellationToken);
        return await router.ReplaceAsync(step.Context, request.ResumeFlow ?? FlowIds.Menu, request with { ResumeFlow = null }, cancellationToken);
    }

    private async Task<DialogTurnResult> FailAsync(
        WaterfallStepContext step, Guid practiceId, List<IdentityCheckThrottle> counters, FlowRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var locked = counters
            .Where(counter => counter.Fail(settings.IdentityMaxAttempts, settings.IdentityAttemptWindow, settings.IdentityLockDuration, session.Now))
            .ToList();
        if (locked.Count == 0)
        {
            await step.SendAsync(session.Say("identity-failed"), cancellationToken);
            return await step.ReplaceAsync(FlowIds.Identity, DialogJson.ToNode(request), cancellationToken);
        }

        var texts = await alerts.TextsForAsync(practiceId, cancellationToken);
        var lockedPatients = locked.Where(counter => counter.Subject.StartsWith("patient:", StringComparison.Ordinal)).ToList();
        alerts.Raise(new NewStaffAlert(
            practiceId,
            StaffAlertKind.IdentityCheckLocked,
            texts.SayCount(
                "identity-locked-chat",
                settings.IdentityMaxAttempts,
                ("where", Describe(texts, locked)),
                ("channel", session.Conversation.ChannelId)),
            PatientId: lockedPatients.Count == 1 ? Guid.ParseExact(lockedPatients[0].Subject["patient:".Length..], "N") : null,
            PatientWords: step.Values[LastNameKey]?.GetValue<string>()));
        return await step.SayAndEndAsync(session.Say("identity-locked"), cancellationToken);
    }

    private static string Describe(StaffTexts texts, List<IdentityCheckThrottle> locked) => string.Join(", ", locked
        .Select(counter => counter.Subject[..counter.Subject.IndexOf(':', StringComparison.Ordinal)] switch
        {
            "conversation" => "identity-where-conversation",
            "surname" => "identity-where-surname",
            _ => "identity-where-patient",
        })
        .Distinct()
        .Select(key => texts.Say(key)));
}
