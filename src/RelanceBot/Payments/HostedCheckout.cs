namespace RelanceBot.Payments;

public sealed record HostedCheckout(string SessionId, Uri Url);
