using RelanceBot.Payments;

namespace RelanceBot.Tests.TestHost;

/// <summary>A stable pay link per invoice, standing in for the payments capability.</summary>
public sealed class TestPaymentLinks : IPaymentLinks
{
    public Task<string> GetLinkAsync(Guid invoiceId, CancellationToken cancellationToken) =>
        Task.FromResult(LinkFor(invoiceId));

    public Task<IReadOnlyDictionary<Guid, string>> GetLinksAsync(IReadOnlyCollection<Guid> invoiceIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Guid, string>>(invoiceIds.Distinct().ToDictionary(id => id, LinkFor));

    private static string LinkFor(Guid invoiceId) => $"https://pay.relancebot.test/p/{invoiceId:N}";
}
