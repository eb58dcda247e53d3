using Bot.Channels.BotFramework;
using Bot.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddBotServices();

var app = builder.Build();
app.UseExceptionHandler();
app.MapBotHealth();
app.MapBotFrameworkEndpoints();

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
