var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/shipments/{id}", (string id) => Results.Ok(new { id, status = "in transit" }));
app.Run();
