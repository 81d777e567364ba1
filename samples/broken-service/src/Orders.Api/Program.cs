var builder = WebApplication.CreateBuilder(args);

var orders = builder.Configuration.GetConnectionString("Orders");
var storageRoot = builder.Configuration["Storage:Root"];
builder.Services.AddHealthChecks();
builder.Services.AddScoped<Orders.Api.Services.IInvoiceService, Orders.Api.Services.InvoiceService>();

var app = builder.Build();
app.MapGet("/orders", () => Results.Ok(new { orders, storageRoot }));
app.MapGet("/invoices/{orderId:int}", (int orderId, Orders.Api.Services.IInvoiceService invoices) => invoices.Issue(orderId));
app.MapHealthChecks("/health");
app.Run();
