var builder = WebApplication.CreateBuilder(args);
var labsKey = Environment.GetEnvironmentVariable("LAMBDA_LABS_API_KEY"); // PF1002: preflight.yaml does not declare it
var app = builder.Build();

app.MapGet("/health", () => Results.Ok("healthy"));

app.Run();
