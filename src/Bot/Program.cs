using Bot.Channels.BotFramework;
using Bot.Channels.DirectLine;
using Bot.Channels.WebPage;
using Bot.Channels.Zalo;
using Bot.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddBotServices();

var app = builder.Build();
app.UseExceptionHandler();
app.UseWebChannels();
app.MapBotHealth();
app.MapBotFrameworkEndpoints();
app.MapDirectLineEndpoints();
app.MapZaloEndpoints();
app.MapSurveyPageEndpoints();

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
