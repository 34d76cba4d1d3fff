using RelanceBot.Payments;

namespace RelanceBot.Tests.TestHost;

/// <summary>A stable pay link per invoice, standing in for the payments capability.</summary>
public sealed class TestPaymentLinks : IPaymentLinks
{
    public Task<string> GetLinkAsync(Guid invoiceId, CancellationToken cancellationToken) =>
        Task.FromResult($"https://pay.relancebot.test/p/{invoiceId:N}");
}
