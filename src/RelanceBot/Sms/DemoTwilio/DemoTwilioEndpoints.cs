using System.Text.Json.Nodes;

namespace RelanceBot.Sms.DemoTwilio;

/// <summary>The fake's routes: the Messages API paths the Twilio library calls, and the demo's "patient texts back" form.</summary>
public static class DemoTwilioEndpoints
{
    public static IEndpointRouteBuilder MapDemoTwilio(this IEndpointRouteBuilder endpoints, string prefix = "")
    {
        var api = endpoints.MapGroup(prefix).ExcludeFromDescription().AllowAnonymous().DisableAntiforgery();
        api.MapPost("/2010-04-01/Accounts/{accountSid}/Messages.json", async (string accountSid, HttpRequest request, DemoTwilioServer twilio) =>
        {
            if (!twilio.IsAuthorized(request.Headers.Authorization) || accountSid != DemoTwilioServer.AccountSid)
            {
                return Json(DemoTwilioServer.Error(20003, "Authenticate", 401));
            }

            var form = request.HasFormContentType
                ? (await request.ReadFormAsync()).ToDictionary(pair => pair.Key, pair => pair.Value.ToString())
                : [];
            return Json(twilio.CreateMessage(accountSid, form));
        });
        api.MapGet("/2010-04-01/Accounts/{accountSid}/Messages/{sid}.json", (string accountSid, string sid, HttpRequest request, DemoTwilioServer twilio) =>
            twilio.IsAuthorized(request.Headers.Authorization) && accountSid == DemoTwilioServer.AccountSid
                ? Json(twilio.FetchMessage(sid))
                : Json(DemoTwilioServer.Error(20003, "Authenticate", 401)));
        // The demo: what was sent, and a patient's reply (From, Body) posted to the bot as Twilio would.
        api.MapGet("/messages", (DemoTwilioServer twilio) => Results.Json(new JsonArray([.. twilio.Sent.Select(message => message.DeepClone())])));
        api.MapPost("/inbound", async (HttpRequest request, DemoTwilioServer twilio, CancellationToken cancellationToken) =>
        {
            var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : null;
            if (form is null || string.IsNullOrWhiteSpace(form["From"]) || string.IsNullOrEmpty(form["Body"]))
            {
                return Results.Problem(statusCode: 400, title: "Bad request", detail: "Post a form with From (E.164) and Body.");
            }

            var status = await twilio.SendInboundAsync(form["From"].ToString(), form["Body"].ToString(), cancellationToken);
            return Results.Json(new { botStatus = status });
        });
        return endpoints;
    }

    private static IResult Json((int Status, JsonObject Body) response) =>
        Results.Content(response.Body.ToJsonString(), "application/json; charset=utf-8", statusCode: response.Status);
}
