using Microsoft.EntityFrameworkCore.Storage;

namespace RelanceBot.Persistence.Sqlite;

/// <summary>A transaction that gives something back (a writer slot) once it is over, committed or not.</summary>
internal sealed class GatedTransaction(IDbContextTransaction transaction, Action release) : IDbContextTransaction
{
    private Action? _release = release;

    public Guid TransactionId => transaction.TransactionId;

    public void Commit() => transaction.Commit();

    public Task CommitAsync(CancellationToken cancellationToken = default) => transaction.CommitAsync(cancellationToken);

    public void Rollback() => transaction.Rollback();

    public Task RollbackAsync(CancellationToken cancellationToken = default) => transaction.RollbackAsync(cancellationToken);

    public void Dispose()
    {
        try
        {
            transaction.Dispose();
        }
        finally
        {
            Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
        }
        finally
        {
            Release();
        }
    }

    private void Release() => Interlocked.Exchange(ref _release, null)?.Invoke();
}
