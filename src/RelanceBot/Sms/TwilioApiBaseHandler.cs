namespace RelanceBot.Sms;

/// <summary>
/// Points the Twilio library at <c>Sms:Twilio:ApiBase</c>: it hard-codes <c>https://api.twilio.com</c> and has no setting
/// for the host, so the request is rewritten on its way out; path, auth, form body and headers stay as the library built them.
/// </summary>
internal sealed class TwilioApiBaseHandler(Uri apiBase) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && uri.Host.EndsWith(".twilio.com", StringComparison.OrdinalIgnoreCase))
        {
            request.RequestUri = new UriBuilder(uri)
            {
                Scheme = apiBase.Scheme,
                Host = apiBase.Host,
                Port = apiBase.Port,
                Path = apiBase.AbsolutePath.TrimEnd('/') + uri.AbsolutePath,
            }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
