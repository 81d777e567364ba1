namespace Billing.Core;

public static class InvoiceTotals
{
    public static decimal Gross(decimal net, decimal taxRate) => decimal.Round(net * (1 + taxRate), 2);
}
