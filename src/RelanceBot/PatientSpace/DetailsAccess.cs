using RelanceBot.Conversations.Messages;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelanceBot.Alerts;
using RelanceBot.Conversations;
using RelanceBot.Conversations.Flows;
using RelanceBot.Persistence;

namespace RelanceBot.PatientSpace;

/// <summary>
/// The patient's other invoices are shown only once they confirm their date of birth. Failures count against the
/// patient (<see cref="IdentityCheckThrottles.PatientSubject"/>, the very counter the chat's identity check uses), not
/// against a browser, so clearing cookies or switching devices gives no fresh tries. A success grants a short-lived,
/// signed cookie scoped to this link's path.
/// </summary>
internal static class DetailsAccess
{
    private const string CookieName = "rb_details";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public static async Task<IResult> VerifyAsync(string token, HttpContext http)
    {
        var services = http.RequestServices;
        var forms = services.GetRequiredService<SpaceForms>();
        var (visit, form, refusal) = await forms.ReadAsync(token, http);
        if (visit is null)
        {
            return refusal!;
        }

        var texts = forms.Texts;
        if (SpaceForms.ReadDate(SpaceForms.ReadText(form!, "birthDate")) is not { } birthDate)
        {
            return SpacePages.Problem(visit, texts, StatusCodes.Status400BadRequest,
                texts[visit.Language, "error-required", ("field", texts[visit.Language, "details-label"])]);
        }

        var db = services.GetRequiredService<RelanceBotDbContext>();
        var throttles = services.GetRequiredService<IdentityCheckThrottles>();
        var time = services.GetRequiredService<TimeProvider>();
        var now = time.GetUtcNow();
        var subject = IdentityCheckThrottles.PatientSubject(visit.PatientId);
        var counter = (await throttles.FindAsync(visit.PracticeId, [subject], http.RequestAborted)).SingleOrDefault();
        if (counter?.IsLockedAt(now) == true)
        {
            return SpacePages.Message(visit, texts, StatusCodes.Status429TooManyRequests, "details-heading", "identity-locked");
        }

        var expected = await db.Patients.Where(patient => patient.Id == visit.PatientId).Select(patient => patient.DateOfBirth).SingleAsync(http.RequestAborted);
        if (expected == birthDate)
        {
            counter?.Pass();
            await db.SaveChangesAsync(http.RequestAborted);
            Grant(http, visit);
            return Results.Redirect($"{visit.Path("details")}?lang={visit.Language.Code()}");
        }

        var settings = services.GetRequiredService<IOptions<ConversationOptions>>().Value;
        counter ??= throttles.Start(visit.PracticeId, subject);
        var locked = counter.Fail(settings.IdentityMaxAttempts, settings.IdentityAttemptWindow, settings.IdentityLockDuration, now);
        if (locked)
        {
            var alerts = services.GetRequiredService<StaffAlerts>();
            var staffTexts = await alerts.TextsForAsync(visit.PracticeId, http.RequestAborted);
            alerts.Raise(new NewStaffAlert(
                visit.PracticeId,
                StaffAlertKind.IdentityCheckLocked,
                staffTexts.SayCount("identity-locked-space", settings.IdentityMaxAttempts),
                visit.PatientId));
        }

        await db.SaveChangesAsync(http.RequestAborted);
        return locked
            ? SpacePages.Message(visit, texts, StatusCodes.Status429TooManyRequests, "details-heading", "identity-locked")
            : SpacePages.Problem(visit, texts, StatusCodes.Status400BadRequest, texts[visit.Language, "identity-mismatch"]);
    }

    public static bool IsGranted(HttpContext http, SpaceVisit visit)
    {
        if (http.Request.Cookies[CookieName] is not { } cookie)
        {
            return false;
        }

        try
        {
            return Protector(http).Unprotect(cookie) == visit.Link.Id.ToString("N");
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static void Grant(HttpContext http, SpaceVisit visit)
        => http.Response.Cookies.Append(CookieName, Protector(http).Protect(visit.Link.Id.ToString("N"), Lifetime), new CookieOptions
        {
            Path = visit.Path(),
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            MaxAge = Lifetime,
        });

    private static ITimeLimitedDataProtector Protector(HttpContext http)
        => http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector("RelanceBot.PatientSpace.Details").ToTimeLimitedDataProtector();
}
