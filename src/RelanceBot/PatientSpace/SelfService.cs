using RelanceBot.Conversations.Messages;
using Microsoft.EntityFrameworkCore;
using RelanceBot.Conversations.Flows;
using RelanceBot.PatientRequests;
using RelanceBot.Patients;
using RelanceBot.Persistence;
using RelanceBot.Plans;

namespace RelanceBot.PatientSpace;

/// <summary>
/// The patient space's choices. Each reads and checks its form, then calls the very use case the chat's flow calls
/// (<see cref="RequestInstallmentPlan"/>, <see cref="DeferPayment"/>, <see cref="ClaimPayment"/>, <see cref="ContestInvoice"/>,
/// <see cref="RequestCallBack"/>, <see cref="StopMessages"/>), records the patient's words with it, saves, and
/// redirects to the space, which says what happens next.
/// </summary>
internal static class SelfService
{
    public static Task<IResult> RequestInstallmentsAsync(string token, HttpContext http) => HandleAsync(token, http, async (visit, form, scope) =>
    {
        if (SpaceForms.ReadCount(SpaceForms.ReadText(form, "count"), visit) is not { } count)
        {
            return scope.Problem(visit, "error-count");
        }

        var schedule = InstallmentSchedule.Split([visit.OutstandingCents], count, visit.Today);
        var words = scope.T(visit, "words-installments", ("count", SpacePages.Number(count)), ("schedule", string.Join(" + ", schedule.Select(installment =>
            scope.T(visit, "schedule-line", ("amount", PatientSpaceTexts.Money(visit.Language, installment.AmountCents)), ("date", PatientSpaceTexts.Date(visit.Language, installment.DueDate)))))));
        var result = await scope.Get<RequestInstallmentPlan>().StageAsync([visit.Link.InvoiceId], count, words, visit.Today, http.RequestAborted);
        return result.Succeeded
            ? await scope.SaveAndReturnAsync(visit, $"done=installments&count={count}")
            : scope.Problem(visit, "error-not-recorded", StatusCodes.Status409Conflict);
    });

    public static Task<IResult> PayLaterAsync(string token, HttpContext http) => HandleAsync(token, http, async (visit, form, scope) =>
    {
        var earliest = visit.Today.AddDays(1);
        if (SpaceForms.ReadDate(SpaceForms.ReadText(form, "date")) is not { } date || date < earliest || date > visit.LatestPaymentDate)
        {
            return scope.Problem(visit, "error-date",
                ("earliest", PatientSpaceTexts.Date(visit.Language, earliest)), ("latest", PatientSpaceTexts.Date(visit.Language, visit.LatestPaymentDate)));
        }

        var words = scope.T(visit, "words-later", ("date", PatientSpaceTexts.Date(visit.Language, date)));
        var result = await scope.Get<DeferPayment>().StageAsync(visit.Link.InvoiceId, date, words, http.RequestAborted);
        return result.Succeeded
            ? await scope.SaveAndReturnAsync(visit, $"done=later&date={SpacePages.IsoDate(date)}")
            : scope.Problem(visit, "error-not-recorded", StatusCodes.Status409Conflict);
    });

    public static Task<IResult> AlreadyPaidAsync(string token, HttpContext http) => HandleAsync(token, http, async (visit, form, scope) =>
    {
        var how = SpaceForms.ReadText(form, "how");
        if (how is null || !SpacePages.PaymentMethods.Contains(how))
        {
            return scope.Problem(visit, "error-required", ("field", scope.T(visit, "paid-how-label")));
        }

        var earliest = visit.Today.AddYears(-2);
        if (SpaceForms.ReadDate(SpaceForms.ReadText(form, "date")) is not { } date || date > visit.Today || date < earliest)
        {
            return scope.Problem(visit, "error-date",
                ("earliest", PatientSpaceTexts.Date(visit.Language, earliest)), ("latest", PatientSpaceTexts.Date(visit.Language, visit.Today)));
        }

        var note = SpaceForms.ReadText(form, "note");
        if (note?.Length > SpacePages.MaxTextLength)
        {
            return scope.TooLong(visit);
        }

        var words = scope.T(visit, "words-paid",
            ("how", scope.T(visit, $"paid-how-{how}")), ("date", PatientSpaceTexts.Date(visit.Language, date)), ("note", note is null ? "" : $"« {note} »")).TrimEnd();
        var paused = await scope.Get<ClaimPayment>().StageAsync(visit.PracticeId, visit.PatientId, [visit.Link.InvoiceId], words, http.RequestAborted);
        return paused > 0 ? await scope.SaveAndReturnAsync(visit, "done=paid") : scope.Problem(visit, "error-not-recorded", StatusCodes.Status409Conflict);
    });

    public static Task<IResult> ContestAsync(string token, HttpContext http) => HandleAsync(token, http, async (visit, form, scope) =>
    {
        if (SpaceForms.ReadText(form, "reason") is not { } reason)
        {
            return scope.Problem(visit, "error-required", ("field", scope.T(visit, "contest-label")));
        }

        if (reason.Length > SpacePages.MaxTextLength)
        {
            return scope.TooLong(visit);
        }

        var contested = await scope.Get<ContestInvoice>().StageAsync(visit.PracticeId, visit.PatientId, visit.Link.InvoiceId, reason, http.RequestAborted);
        return contested ? await scope.SaveAndReturnAsync(visit, "done=contest") : scope.Problem(visit, "error-not-recorded", StatusCodes.Status409Conflict);
    }, actionableOnly: true);

    public static Task<IResult> HardshipAsync(string token, HttpContext http) => HandleAsync(token, http, (visit, form, scope) =>
        Task.FromResult(SpaceForms.ReadText(form, "choice") switch
        {
            // The patient still sees the schedule, then asks: nothing is recorded from a single click.
            HardshipChoices.Plan when visit.InstallmentCounts.Contains(3) => Results.Redirect($"{visit.Path("installments")}?count=3&lang={visit.Language.Code()}"),
            HardshipChoices.Call => Results.Redirect($"{visit.Path()}?lang={visit.Language.Code()}#call"),
            HardshipChoices.NotNow => Results.Redirect($"{visit.Path()}?lang={visit.Language.Code()}&done=not-now"),
            _ => scope.Problem(visit, "error-choice"),
        }));

    public static Task<IResult> CallAsync(string token, HttpContext http) => HandleAsync(token, http, async (visit, form, scope) =>
    {
        var channels = await scope.Get<RelanceBotDbContext>().PatientChannels.AsNoTracking()
            .Where(channel => channel.PatientId == visit.PatientId).ToListAsync(http.RequestAborted);
        string? typed = null;
        if (SpacePages.PhoneOnFile(channels) is null)
        {
            if (SpaceForms.ReadText(form, "phone") is not { } phone)
            {
                return scope.Problem(visit, "error-required", ("field", scope.T(visit, "call-phone-label")));
            }

            if (phone.Length > 30 || !PhoneNumberNormalizer.TryNormalize(phone, out typed))
            {
                return scope.Problem(visit, "error-phone");
            }
        }

        await scope.Get<RequestCallBack>().StageAsync(visit.PracticeId, visit.PatientId, conversationChannelId: null, typed, scope.T(visit, "words-call"), http.RequestAborted);
        return await scope.SaveAndReturnAsync(visit, "done=call");
    }, actionableOnly: false);

    public static Task<IResult> StopAsync(string token, HttpContext http) => HandleAsync(token, http, async (visit, form, scope) =>
    {
        var db = scope.Get<RelanceBotDbContext>();
        var choice = SpaceForms.ReadText(form, "scope");
        var channels = await db.PatientChannels.AsNoTracking()
            .Where(channel => channel.PatientId == visit.PatientId && channel.OptedOutAt == null).ToListAsync(http.RequestAborted);
        var html = new SpaceHtml(scope.Forms.Texts, visit.Language);
        var (stopScope, label, done) = choice == StopChoices.All
            ? (StopScope.Everything, scope.T(visit, "stop-all"), "done=stop-all")
            : channels.FirstOrDefault(channel => channel.Id.ToString("N") == choice) is { } channel
                ? (StopScope.Channel(channel.Id), SpacePages.ChannelLabel(html, channel), $"done=stop&channel={channel.Id:N}")
                : ((StopScope?)null, "", "");
        if (stopScope is null)
        {
            return scope.Problem(visit, "error-choice");
        }

        await scope.Get<StopMessages>().StageAsync(visit.PracticeId, visit.PatientId, stopScope, scope.T(visit, "words-stop", ("choice", label)), http.RequestAborted);
        return await scope.SaveAndReturnAsync(visit, done);
    }, actionableOnly: false);

    private static async Task<IResult> HandleAsync(
        string token, HttpContext http, Func<SpaceVisit, IFormCollection, ActionScope, Task<IResult>> handle, bool actionableOnly = true)
    {
        var forms = http.RequestServices.GetRequiredService<SpaceForms>();
        var (visit, form, refusal) = await forms.ReadAsync(token, http);
        if (visit is null)
        {
            return refusal!;
        }

        var scope = new ActionScope(http, forms);
        if (actionableOnly && !visit.IsActionable)
        {
            return scope.Problem(visit, "error-not-recorded", StatusCodes.Status409Conflict);
        }

        try
        {
            return await handle(visit, form!, scope);
        }
        catch (DbUpdateException)
        {
            // The invoice changed meanwhile (a payment, a staff decision): nothing was saved; the space shows the news.
            return scope.Problem(visit, "error-not-recorded", StatusCodes.Status409Conflict);
        }
    }

    private sealed class ActionScope(HttpContext http, SpaceForms forms)
    {
        public SpaceForms Forms => forms;

        public T Get<T>()
            where T : notnull => http.RequestServices.GetRequiredService<T>();

        public string T(SpaceVisit visit, string key, params (string Name, string Value)[] values) => forms.Texts[visit.Language, key, values];

        public IResult Problem(SpaceVisit visit, string key, params (string Name, string Value)[] values)
            => SpacePages.Problem(visit, forms.Texts, StatusCodes.Status400BadRequest, T(visit, key, values));

        public IResult Problem(SpaceVisit visit, string key, int statusCode)
            => SpacePages.Problem(visit, forms.Texts, statusCode, T(visit, key));

        public IResult TooLong(SpaceVisit visit) => Problem(visit, "error-too-long", ("max", SpacePages.Number(SpacePages.MaxTextLength)));

        public async Task<IResult> SaveAndReturnAsync(SpaceVisit visit, string query)
        {
            await Get<RelanceBotDbContext>().SaveChangesAsync(http.RequestAborted);
            return Results.Redirect($"{visit.Path()}?lang={visit.Language.Code()}&{query}");
        }
    }
}
