var builder = WebApplication.CreateBuilder(args);

var orders = builder.Configuration.GetConnectionString("Orders");
var storageRoot = builder.Configuration["Storage:Root"];

var app = builder.Build();
app.MapGet("/orders", () => Results.Ok(new { orders, storageRoot }));
app.Run();
