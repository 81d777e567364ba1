using Billing.Core;

var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/invoices/total", (decimal net, decimal rate) => InvoiceTotals.Gross(net, rate));
app.Run();
