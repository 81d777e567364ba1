var builder = WebApplication.CreateBuilder(args);

var queue = builder.Configuration["Queue:Name"];
var deadLetter = builder.Configuration["Queue:DeadLetter"];

var app = builder.Build();
app.MapGet("/", () => $"{queue} -> {deadLetter}");
app.Run();
