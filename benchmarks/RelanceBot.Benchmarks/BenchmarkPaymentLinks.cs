using RelanceBot.Payments;

namespace RelanceBot.Benchmarks;

internal sealed class BenchmarkPaymentLinks : IPaymentLinks
{
    public Task<string> GetLinkAsync(Guid invoiceId, CancellationToken cancellationToken) =>
        Task.FromResult($"https://relancebot.example/p/{invoiceId:N}");
}
