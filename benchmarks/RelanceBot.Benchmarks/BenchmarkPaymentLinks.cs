using RelanceBot.Payments;

namespace RelanceBot.Benchmarks;

internal sealed class BenchmarkPaymentLinks : IPaymentLinks
{
    public Task<string> GetLinkAsync(Guid invoiceId, CancellationToken cancellationToken) => Task.FromResult(LinkFor(invoiceId));

    public Task<IReadOnlyDictionary<Guid, string>> GetLinksAsync(IReadOnlyCollection<Guid> invoiceIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Guid, string>>(invoiceIds.Distinct().ToDictionary(id => id, LinkFor));

    private static string LinkFor(Guid invoiceId) => $"https://relancebot.example/p/{invoiceId:N}";
}
