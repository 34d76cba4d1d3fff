namespace RelanceBot.Invoices;

public sealed class InvoiceCancelledException(string externalReference)
    : InvalidOperationException($"Invoice '{externalReference}' is cancelled and can no longer be updated.");
