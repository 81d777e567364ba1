namespace Orders.Api.Services;

public interface IInvoiceNumbering
{
    string Next();
}

public interface IInvoiceService
{
    Task<string> Issue(int orderId);
}

// Registered in Program.cs; nothing registers IInvoiceNumbering (PF6001) and Issue is a stub (PF6002).
public sealed class InvoiceService(IInvoiceNumbering numbering) : IInvoiceService
{
    // The formatter type was renamed to PdfInvoiceFormatter; the name below no longer exists (PF6003).
    private static readonly Type? Formatter = Type.GetType("Orders.Api.Services.PdfInvoiceFormater");

    public Task<string> Issue(int orderId) => throw new NotImplementedException();

    public override string ToString() => $"{numbering} {Formatter}";
}

public sealed class PdfInvoiceFormatter
{
}
