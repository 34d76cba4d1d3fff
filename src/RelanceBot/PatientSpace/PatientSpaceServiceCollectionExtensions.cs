using Microsoft.Extensions.FileProviders;
using RelanceBot.Conversations.Messages;

namespace RelanceBot.PatientSpace;

public static class PatientSpaceServiceCollectionExtensions
{
    /// <summary>The patient space behind every reminder's link, its texts, and Azure Direct Line tokens when configured.</summary>
    public static IServiceCollection AddPatientSpace(this IServiceCollection services)
    {
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "rb_af";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        // The details access cookie is signed by Data Protection.
        services.AddDataProtection();
        services.AddOptions<AzureDirectLineOptions>().BindConfiguration(AzureDirectLineOptions.SectionName);
        services.AddHttpClient<AzureDirectLineTokens>(client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton(provider => new PatientSpaceTexts(MessageCatalog.Load(
            Path.Combine(provider.GetRequiredService<IHostEnvironment>().ContentRootPath, "PatientSpace", "Messages"))));
        // Static assets only (the Web Chat bundle is 3.9 MB raw): pages carrying tokens stay uncompressed (BREACH).
        services.AddResponseCompression(options => options.EnableForHttps = true);
        services.AddScoped<PatientSpaces>();
        services.AddScoped<SpaceForms>();
        return services;
    }

    /// <summary>
    /// <c>/p/{token}</c> and its forms, and <c>/assets</c>: the page's own script and styles and the Web Chat bundle,
    /// served from the build output (the bundle is copied there by the build, never committed).
    /// </summary>
    public static WebApplication MapPatientSpace(this WebApplication app)
    {
        var assets = Path.Combine(AppContext.BaseDirectory, "PatientSpace", "Assets");
        if (Directory.Exists(assets))
        {
            app.UseWhen(context => context.Request.Path.StartsWithSegments("/assets"), assetsPipeline => assetsPipeline.UseResponseCompression());
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(assets),
                RequestPath = "/assets",
                OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=86400",
            });
        }

        app.MapPatientSpaceRoutes();
        return app;
    }
}
