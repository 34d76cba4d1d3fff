using RelanceBot.Payments;

namespace RelanceBot.Tests.Conversations;

/// <summary>Stands in for the payments work's pay links (Stripe cannot be reached from tests).</summary>
public sealed class FakePaymentLinks : IPaymentLinks
{
    public static string LinkFor(Guid invoiceId) => $"https://pay.example.test/p/{invoiceId:N}";

    public Task<string> GetLinkAsync(Guid invoiceId, CancellationToken cancellationToken) => Task.FromResult(LinkFor(invoiceId));
}
