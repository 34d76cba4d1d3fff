using RelanceBot.Invoices.Import;

namespace RelanceBot.Invoices;

public static class InvoicesServiceCollectionExtensions
{
    /// <summary>Invoices as the practice software sends them, one at a time (REST) or as a CSV file.</summary>
    public static IServiceCollection AddInvoices(this IServiceCollection services)
    {
        services.AddScoped<UpsertInvoice>();
        services.AddScoped<ImportInvoicesCsv>();
        return services;
    }
}
