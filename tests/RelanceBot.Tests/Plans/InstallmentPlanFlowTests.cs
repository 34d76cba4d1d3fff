using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelanceBot.Alerts;
using RelanceBot.Invoices;
using RelanceBot.Payments;
using RelanceBot.Persistence;
using RelanceBot.Plans;
using RelanceBot.Tests.Payments;
using Shouldly;
using Xunit;

namespace RelanceBot.Tests.Plans;

public sealed class InstallmentPlanFlowTests : IAsyncLifetime
{
    private PaymentsTestHost _host = null!;

    public async Task InitializeAsync() => _host = await PaymentsTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ThreeInstallments_EachChargedOnItsDayAndOnce_EvenRunTwiceOrAfterARestart()
    {
        var (invoiceId, planId) = await ApprovedPlanAsync("F-10", 10000, "pm_card_visa");

        var checkout = _host.Stripe.Stripe.Requests.Single(request => request.Path == "/v1/checkout/sessions");
        checkout.Form["line_items[0][price_data][unit_amount]"].ShouldBe("3334");
        checkout.Form["payment_intent_data[setup_future_usage]"].ShouldBe("off_session");
        checkout.Form["customer_creation"].ShouldBe("always");
        var plan = await PlanAsync(planId);
        plan.Status.ShouldBe(InstallmentPlanStatus.Active);
        plan.StripePaymentMethodId.ShouldBe("pm_card_visa");

        // The day before installment 2: nothing is charged.
        _host.App.Clock.Advance(TimeSpan.FromDays(30));
        await ChargeDueAsync();
        OffSessionCharges().ShouldBeEmpty();

        _host.App.Clock.Advance(TimeSpan.FromDays(1));
        await ChargeDueAsync();
        await ChargeDueAsync();
        OffSessionCharges().Count.ShouldBe(1);
        OffSessionCharges()[0].Form["amount"].ShouldBe("3333");
        OffSessionCharges()[0].Form["off_session"].ShouldBe("true");
        OffSessionCharges()[0].Form["description"].ShouldBe("Facture n° F-10 — échéance 2/3", "the payments catalog's wording, in the patient's language");

        // Installment 3: the app dies after Stripe charged but before the result was recorded.
        _host.App.Clock.Advance(TimeSpan.FromDays(31));
        await _host.InScopeAsync(async (IServiceProvider services) =>
        {
            var db = services.GetRequiredService<RelanceBotDbContext>();
            var running = await db.Set<InstallmentPlan>().SingleAsync(candidate => candidate.Id == planId);
            var installment = running.NextDue!;
            var attempt = installment.BeginAttempt();
            await db.SaveChangesAsync();
            await services.GetRequiredService<IPaymentGateway>().ChargeSavedCardAsync(
                new SavedCardCharge(new PaymentReference(running.PracticeId, running.InvoiceId, running.Id, installment.Id), installment.AmountCents,
                    "Facture n° F-10 — échéance 3/3", running.StripeCustomerId!, running.StripePaymentMethodId!, $"installment-{installment.Id:N}-attempt-{attempt}"),
                CancellationToken.None);
            return 0;
        });
        await ChargeDueAsync();
        await ChargeDueAsync();

        _host.Stripe.Stripe.PaymentIntentCount.ShouldBe(3, "one for Checkout, one per later installment");
        OffSessionCharges().Select(request => request.IdempotencyKey).Distinct().Count().ShouldBe(2);
        (await PlanAsync(planId)).Status.ShouldBe(InstallmentPlanStatus.Completed);
        var invoice = await _host.InvoiceAsync(invoiceId);
        invoice.Status.ShouldBe(InvoiceStatus.Paid);
        invoice.AmountPaidCents.ShouldBe(10000);
        (await _host.InScopeAsync(db => db.Set<Payment>().CountAsync())).ShouldBe(3);
    }

    [Fact]
    public async Task DeclinedSecondInstallment_LinkSentThenRetriedThenStaffAlertedAndCadenceResumes()
    {
        var (invoiceId, planId) = await ApprovedPlanAsync("F-11", 10000, "pm_card_chargeCustomerFail");
        _host.App.Clock.Advance(TimeSpan.FromDays(31));

        await ChargeDueAsync();
        _host.Notices.Notices.Count(notice => notice.Kind == PatientNoticeKind.InstallmentChargeFailed).ShouldBe(1);
        _host.Notices.Notices.Last().PayLink.ShouldNotBeNull();
        await ChargeDueAsync();
        OffSessionCharges().Count.ShouldBe(1, "no retry before the retry interval");

        for (var retry = 0; retry < 2; retry++)
        {
            _host.App.Clock.Advance(TimeSpan.FromDays(3));
            await ChargeDueAsync();
        }

        OffSessionCharges().Count.ShouldBe(3);
        (await PlanAsync(planId)).Status.ShouldBe(InstallmentPlanStatus.Failed);
        (await _host.InScopeAsync(db => db.StaffAlerts.CountAsync(alert => alert.Kind == StaffAlertKind.InstallmentFailures))).ShouldBe(1);
        var invoice = await _host.InvoiceAsync(invoiceId);
        invoice.Status.ShouldBe(InvoiceStatus.PartiallyPaid);
        invoice.AcceptsRemindersAt(_host.App.Clock.GetUtcNow()).ShouldBeTrue();
    }

    [Fact]
    public async Task PlanRequest_AboveTheCountOrOutsideTheHorizon_IsRefused()
    {
        var invoiceId = await _host.CreateInvoiceAsync("F-12", 10000);
        var today = DateOnly.FromDateTime(_host.App.Clock.GetUtcNow().UtcDateTime);

        var tooMany = await RequestAsync(invoiceId, 4, today);
        var tooLate = await RequestAsync(invoiceId, 3, today.AddDays(31));
        var accepted = await RequestAsync(invoiceId, 2, today.AddDays(3));
        var twice = await RequestAsync(invoiceId, 2, today.AddDays(3));

        tooMany.Refusal.ShouldBe(PlanRequestRefusal.InstallmentCountNotAllowed);
        tooLate.Refusal.ShouldBe(PlanRequestRefusal.DateOutOfRange);
        accepted.Succeeded.ShouldBeTrue();
        twice.Refusal.ShouldBe(PlanRequestRefusal.PlanAlreadyRequested);
        var alert = await _host.InScopeAsync(db => db.StaffAlerts.SingleAsync(alert => alert.Kind == StaffAlertKind.PlanApproval));
        alert.RequiresDecision.ShouldBeTrue();
        alert.PatientWords.ShouldBe("Je peux payer en plusieurs fois ?");
    }

    [Fact]
    public async Task RejectingAPlan_ResumesRemindersAndASecondDecisionIsAConflict()
    {
        var invoiceId = await _host.CreateInvoiceAsync("F-13", 10000);
        var today = DateOnly.FromDateTime(_host.App.Clock.GetUtcNow().UtcDateTime);
        var plan = (await RequestAsync(invoiceId, 2, today.AddDays(5))).Plans[0];
        (await _host.InvoiceAsync(invoiceId)).AcceptsRemindersAt(_host.App.Clock.GetUtcNow()).ShouldBeFalse();

        using var rejected = await _host.Api.PostAsync($"/api/v1/plans/{plan.Id}/reject", null);
        using var again = await _host.Api.PostAsync($"/api/v1/plans/{plan.Id}/approve", null);
        using var unknown = await _host.Api.PostAsync($"/api/v1/plans/{Guid.NewGuid()}/approve", null);

        rejected.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _host.InvoiceAsync(invoiceId)).AcceptsRemindersAt(_host.App.Clock.GetUtcNow()).ShouldBeTrue();
        (await _host.InScopeAsync(db => db.StaffAlerts.SingleAsync())).Status.ShouldBe(StaffAlertStatus.Rejected);
    }

    [Fact]
    public async Task DeferredPayment_PausesRemindersAndSendsTheLinkOnTheDayOnce()
    {
        var invoiceId = await _host.CreateInvoiceAsync("F-14", 10000);
        var today = DateOnly.FromDateTime(_host.App.Clock.GetUtcNow().UtcDateTime);

        var tooFar = await DeferAsync(invoiceId, today.AddDays(31));
        var deferred = await DeferAsync(invoiceId, today.AddDays(10));

        tooFar.Refusal.ShouldBe(PlanRequestRefusal.DateOutOfRange);
        deferred.Succeeded.ShouldBeTrue();
        (await _host.InvoiceAsync(invoiceId)).AcceptsRemindersAt(_host.App.Clock.GetUtcNow().AddDays(9)).ShouldBeFalse();

        _host.App.Clock.Advance(TimeSpan.FromDays(9));
        await SendDeferredLinksAsync();
        _host.Notices.Notices.ShouldBeEmpty();

        _host.App.Clock.Advance(TimeSpan.FromDays(1));
        await SendDeferredLinksAsync();
        await SendDeferredLinksAsync();
        _host.Notices.Notices.Single().Kind.ShouldBe(PatientNoticeKind.DeferredPaymentDue);
        _host.Notices.Notices.Single().PayLink.ShouldNotBeNull();
    }

    [Fact]
    public async Task ApprovingAPlan_AfterTheInvoiceWasPaidAtTheDesk_Is409_ThePlanIsCancelled_AndThePatientHearsNothing()
    {
        var invoiceId = await _host.CreateInvoiceAsync("F-15", 10000);
        var today = DateOnly.FromDateTime(_host.App.Clock.GetUtcNow().UtcDateTime);
        var plan = (await RequestAsync(invoiceId, 3, today.AddDays(2))).Plans[0];
        await CloseInvoiceAsync(invoiceId, "paid");

        using var approved = await _host.Api.PostAsync($"/api/v1/plans/{plan.Id}/approve", null);

        approved.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        approved.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await approved.Content.ReadAsStringAsync()).ShouldContain("already paid");
        _host.Notices.Notices.ShouldBeEmpty();
        (await _host.InScopeAsync(db => db.OutboxMessages.CountAsync(message => message.IdempotencyKey.StartsWith("plan-")))).ShouldBe(0);
        (await PlanAsync(plan.Id)).Status.ShouldBe(InstallmentPlanStatus.Cancelled);
        (await _host.InScopeAsync(db => db.StaffAlerts.SingleAsync(alert => alert.Kind == StaffAlertKind.PlanApproval))).Status
            .ShouldBe(StaffAlertStatus.Closed);
        (await _host.InvoiceAsync(invoiceId)).Status.ShouldBe(InvoiceStatus.Paid);
    }

    [Theory]
    [InlineData("paid")]
    [InlineData("cancelled")]
    [InlineData("disputed")]
    public async Task TheChargingJob_NeverChargesASettledCancelledOrDisputedInvoice(string closure)
    {
        var (invoiceId, planId) = await ApprovedPlanAsync("F-16", 10000, "pm_card_visa");
        await CloseInvoiceAsync(invoiceId, closure);
        _host.App.Clock.Advance(TimeSpan.FromDays(31));

        await ChargeDueAsync();
        _host.App.Clock.Advance(TimeSpan.FromDays(31));
        await ChargeDueAsync();

        OffSessionCharges().ShouldBeEmpty();
        (await PlanAsync(planId)).Status.ShouldBe(InstallmentPlanStatus.Cancelled);
    }

    [Fact]
    public async Task APaymentForAnInvoiceAlreadySettled_AsksStaffToRefundIt_AndSendsNoSecondReceipt()
    {
        var invoiceId = await _host.CreateInvoiceAsync("F-17", 10000);
        await CloseInvoiceAsync(invoiceId, "paid");

        await _host.InScopeAsync(async (IServiceProvider services) =>
        {
            var invoice = await services.GetRequiredService<RelanceBotDbContext>().Invoices.SingleAsync(candidate => candidate.Id == invoiceId);
            var recorded = await services.GetRequiredService<PaymentLedger>().RecordPaymentAsync(
                new ReceivedPayment(new PaymentReference(invoice.PracticeId, invoiceId, null, null), "pi_late_checkout", 10000),
                CancellationToken.None);
            await services.GetRequiredService<RelanceBotDbContext>().SaveChangesAsync();
            return recorded;
        });

        _host.Notices.Notices.ShouldBeEmpty();
        var alert = await _host.InScopeAsync(db => db.StaffAlerts.SingleAsync());
        alert.Kind.ShouldBe(StaffAlertKind.Escalation);
        alert.Summary.ShouldContain("100,00");
        alert.Summary.ShouldContain("rembourser");
        var invoice = await _host.InvoiceAsync(invoiceId);
        invoice.AmountPaidCents.ShouldBe(10000);
    }

    private async Task<(Guid InvoiceId, Guid PlanId)> ApprovedPlanAsync(string reference, long amount, string card)
    {
        var invoiceId = await _host.CreateInvoiceAsync(reference, amount);
        var today = DateOnly.FromDateTime(_host.App.Clock.GetUtcNow().UtcDateTime);
        var plan = (await RequestAsync(invoiceId, 3, today)).Plans[0];
        using var approved = await _host.Api.PostAsync($"/api/v1/plans/{plan.Id}/approve", null);
        approved.StatusCode.ShouldBe(HttpStatusCode.OK);
        _host.Notices.Notices.ShouldContain(notice => notice.Kind == PatientNoticeKind.PlanApproved && notice.AmountCents == 3334);

        using var paid = await _host.CheckoutAsync(await _host.OpenLinkAsync(await _host.PayLinkPathAsync(invoiceId)), paymentMethod: card);
        (await _host.InvoiceAsync(invoiceId)).Status.ShouldBe(InvoiceStatus.UnderPlan);
        return (invoiceId, plan.Id);
    }

    private Task<PlanRequestResult> RequestAsync(Guid invoiceId, int count, DateOnly firstDate) =>
        _host.InScopeAsync((IServiceProvider services) => services.GetRequiredService<RequestInstallmentPlan>()
            .HandleAsync([invoiceId], count, "Je peux payer en plusieurs fois ?", firstDate, CancellationToken.None));

    private Task<DeferralResult> DeferAsync(Guid invoiceId, DateOnly payOn) =>
        _host.InScopeAsync((IServiceProvider services) => services.GetRequiredService<DeferPayment>()
            .HandleAsync(invoiceId, payOn, "Je paierai à la fin du mois", CancellationToken.None));

    private Task<int> ChargeDueAsync() =>
        _host.InScopeAsync(async (IServiceProvider services) =>
        {
            await services.GetRequiredService<InstallmentCharges>().ChargeDueAsync(CancellationToken.None);
            return 0;
        });

    private Task<int> SendDeferredLinksAsync() =>
        _host.InScopeAsync(async (IServiceProvider services) =>
        {
            await services.GetRequiredService<DeferredPaymentLinks>().SendDueAsync(CancellationToken.None);
            return 0;
        });

    /// <summary>What staff or the patient do meanwhile: paid at the desk, cancelled by the practice, contested.</summary>
    private Task<int> CloseInvoiceAsync(Guid invoiceId, string closure) =>
        _host.InScopeAsync(async (IServiceProvider services) =>
        {
            var db = services.GetRequiredService<RelanceBotDbContext>();
            var invoice = await db.Invoices.SingleAsync(candidate => candidate.Id == invoiceId);
            var now = _host.App.Clock.GetUtcNow();
            switch (closure)
            {
                case "paid":
                    invoice.RecordPayment(invoice.AmountOutstandingCents, now);
                    break;
                case "cancelled":
                    invoice.Cancel(now);
                    break;
                default:
                    invoice.Dispute(now);
                    break;
            }

            return await db.SaveChangesAsync();
        });

    private Task<InstallmentPlan> PlanAsync(Guid planId) =>
        _host.InScopeAsync(db => db.Set<InstallmentPlan>().AsNoTracking().SingleAsync(plan => plan.Id == planId));

    private List<RelanceBot.Payments.DemoCheckout.RecordedStripeRequest> OffSessionCharges() =>
        [.. _host.Stripe.Stripe.Requests.Where(request => request.Method == "POST" && request.Path == "/v1/payment_intents")];
}
