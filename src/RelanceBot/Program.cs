using RelanceBot.Intake;
using RelanceBot.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.AddPersistence();
builder.Services.AddIntakeApi();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapGet("/health", () => Results.Ok());
app.MapIntakeApi();

await app.RunAsync();

public partial class Program;
