using System.Text.Json;

namespace RelanceBot.Tests.Deployment;

/// <summary>Checks deploymentTemplates/: main.json (compiled from main.bicep) and its example parameters.</summary>
public sealed class DeploymentTemplateTests
{
    // The settings RelanceBot reads from App Service; the template must write every one of them.
    private static readonly string[] RequiredAppSettings =
    [
        "ASPNETCORE_ENVIRONMENT",
        "MicrosoftAppType",
        "MicrosoftAppId",
        "MicrosoftAppPassword",
        "MicrosoftAppTenantId",
        "Database__Provider",
        "Database__MigrateOnStartup",
        "Payments__PublicBaseUrl",
        "Sms__Provider",
        "Sms__Twilio__AccountSid",
        "Sms__Twilio__AuthToken",
        "Sms__Twilio__FromNumber",
        "ConnectionStrings__RelanceBot",
        "Payments__PublicBaseUrl",
        "DirectLine__SigningKey",
        "DirectLine__AzureSecret",
    ];

    private const string BotType = "Microsoft.BotService/botServices";
    private const string ChannelType = "Microsoft.BotService/botServices/channels";
    private const string WebAppType = "Microsoft.Web/sites";

    private readonly string _templatesDirectory = Path.Combine(FindRepositoryRoot(), "deploymentTemplates");
    private readonly JsonElement _template;
    private readonly JsonElement _exampleParameters;

    public DeploymentTemplateTests()
    {
        _template = ReadJson("main.json");
        _exampleParameters = ReadJson("main.parameters.example.json").GetProperty("parameters");
    }

    [Fact]
    public void Template_deploys_the_bot_the_web_app_and_the_postgresql_server()
    {
        string[] expectedTypes =
        [
            BotType,
            ChannelType,
            "Microsoft.Web/serverfarms",
            WebAppType,
            "Microsoft.DBforPostgreSQL/flexibleServers",
            "Microsoft.DBforPostgreSQL/flexibleServers/databases",
            "Microsoft.DBforPostgreSQL/flexibleServers/firewallRules",
        ];

        var deployedTypes = Resources().Select(r => r.GetProperty("type").GetString()).ToList();

        expectedTypes.Except(deployedTypes).ShouldBeEmpty();
    }

    [Fact]
    public void Bot_enables_the_teams_direct_line_and_web_chat_channels()
    {
        var channels = ResourcesOfType(ChannelType)
            .Select(c => c.GetProperty("properties").GetProperty("channelName").GetString())
            .ToList();

        channels.ShouldBe(["MsTeamsChannel", "DirectLineChannel", "WebChatChannel"], ignoreOrder: true);
    }

    [Fact]
    public void Bot_is_a_single_tenant_azure_bot_whose_endpoint_ends_with_api_messages()
    {
        var bot = ResourcesOfType(BotType).ShouldHaveSingleItem();
        var properties = bot.GetProperty("properties");

        bot.GetProperty("kind").GetString().ShouldBe("azurebot");
        properties.GetProperty("msaAppType").GetString().ShouldBe("SingleTenant");
        var endpoint = FormatStringOf(properties.GetProperty("endpoint").GetString()!);
        endpoint.ShouldStartWith("https://");
        endpoint.ShouldEndWith("/api/messages");
    }

    [Fact]
    public void Web_app_settings_provide_every_setting_the_app_requires()
    {
        var settingNames = AppSettings().Keys.ToList();

        RequiredAppSettings.Except(settingNames).ShouldBeEmpty();
    }

    [Fact]
    public void Web_app_settings_point_the_app_at_postgresql_over_tls_in_production()
    {
        var settings = AppSettings();

        settings.ShouldContainKeyAndValue("Database__Provider", "PostgreSql");
        settings.ShouldContainKeyAndValue("ASPNETCORE_ENVIRONMENT", "Production");
        settings.ShouldContainKeyAndValue("MicrosoftAppType", "SingleTenant");
        settings.GetValueOrDefault("ConnectionStrings__RelanceBot", "").ShouldContain("SSL Mode=Require");
    }

    [Fact]
    public void Plan_runs_instance_count_instances_and_more_than_one_needs_azure_direct_line()
    {
        var instanceCount = Parameters().Single(p => p.Name == "instanceCount").Value;
        var plan = ResourcesOfType("Microsoft.Web/serverfarms").ShouldHaveSingleItem();
        var capacity = plan.GetProperty("sku").GetProperty("capacity").GetString()!;

        instanceCount.GetProperty("defaultValue").GetInt32().ShouldBe(1);
        instanceCount.GetProperty("minValue").GetInt32().ShouldBe(1);
        instanceCount.GetProperty("metadata").GetProperty("description").GetString()!.ShouldContain("PostgreSql");
        // The capacity is the parameter, or the deployment fails when several instances would share the built-in
        // Direct Line's in-memory chats.
        var guard = Variable(capacity);
        guard.ShouldContain("greater(parameters('instanceCount'), 1)");
        guard.ShouldContain("empty(parameters('directLineAzureSecret'))");
        guard.ShouldContain("fail(");
        guard.ShouldEndWith("parameters('instanceCount'))]");
        AppSettings().ShouldContainKeyAndValue("Database__Provider", "PostgreSql");
    }

    [Fact]
    public void Web_app_stays_awake_and_serves_only_modern_https()
    {
        var properties = WebApp().GetProperty("properties");
        var siteConfig = properties.GetProperty("siteConfig");

        siteConfig.GetProperty("alwaysOn").GetBoolean().ShouldBeTrue();
        siteConfig.GetProperty("linuxFxVersion").GetString().ShouldBe("DOTNETCORE|10.0");
        siteConfig.GetProperty("healthCheckPath").GetString().ShouldBe("/health");
        siteConfig.GetProperty("minTlsVersion").GetString().ShouldBe("1.2");
        siteConfig.GetProperty("ftpsState").GetString().ShouldBe("Disabled");
        properties.GetProperty("httpsOnly").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public void Password_parameters_are_secure_strings()
    {
        var passwords = Parameters()
            .Where(p => p.Name.Contains("password", StringComparison.OrdinalIgnoreCase))
            .ToList();

        passwords.ShouldNotBeEmpty();
        passwords.ShouldAllBe(p => p.Value.GetProperty("type").GetString() == "securestring");
    }

    [Fact]
    public void Outputs_never_expose_a_secure_parameter()
    {
        var secureReferences = Parameters()
            .Where(p => p.Value.GetProperty("type").GetString() == "securestring")
            .Select(p => $"parameters('{p.Name}')")
            .ToList();

        var outputs = _template.GetProperty("outputs").GetRawText();

        secureReferences.Where(outputs.Contains).ShouldBeEmpty();
    }

    [Fact]
    public void Example_parameters_give_every_parameter_without_a_default_and_nothing_unknown()
    {
        var templateParameters = Parameters();
        var withoutDefault = templateParameters
            .Where(p => !p.Value.TryGetProperty("defaultValue", out _))
            .Select(p => p.Name)
            .ToList();
        var given = _exampleParameters.EnumerateObject()
            .Where(p => p.Value.TryGetProperty("value", out _) || p.Value.TryGetProperty("reference", out _))
            .Select(p => p.Name)
            .ToList();

        withoutDefault.ShouldNotBeEmpty();
        withoutDefault.Except(given).ShouldBeEmpty();
        // ARM rejects a deployment that passes a parameter the template does not declare.
        _exampleParameters.EnumerateObject().Select(p => p.Name)
            .Except(templateParameters.Select(p => p.Name))
            .ShouldBeEmpty();
    }

    [Fact]
    public void Main_bicep_declares_what_main_json_deploys()
    {
        var bicep = File.ReadAllText(Path.Combine(_templatesDirectory, "main.bicep"));

        RequiredAppSettings.Where(setting => !bicep.Contains($"'{setting}'", StringComparison.Ordinal))
            .ShouldBeEmpty();
        Resources()
            .Select(r => $"'{r.GetProperty("type").GetString()}@{r.GetProperty("apiVersion").GetString()}'")
            .Where(declaration => !bicep.Contains(declaration, StringComparison.Ordinal))
            .ShouldBeEmpty();
    }

    private JsonElement ReadJson(string fileName) =>
        JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(Path.Combine(_templatesDirectory, fileName)));

    /// <summary>The expression of the variable that <paramref name="reference"/> (<c>[variables('name')]</c>) names.</summary>
    private string Variable(string reference)
    {
        reference.ShouldStartWith("[variables('");
        var name = reference["[variables('".Length..reference.IndexOf('\'', "[variables('".Length)];
        return _template.GetProperty("variables").GetProperty(name).GetString()!;
    }

    private List<JsonProperty> Parameters() => [.. _template.GetProperty("parameters").EnumerateObject()];

    // Bicep emits an array of resources, or an object keyed by symbolic name with languageVersion 2.0.
    private IEnumerable<JsonElement> Resources()
    {
        var resources = _template.GetProperty("resources");
        return resources.ValueKind == JsonValueKind.Object
            ? resources.EnumerateObject().Select(r => r.Value)
            : resources.EnumerateArray();
    }

    private IEnumerable<JsonElement> ResourcesOfType(string type) =>
        Resources().Where(r => r.GetProperty("type").GetString() == type);

    private JsonElement WebApp() => ResourcesOfType(WebAppType).ShouldHaveSingleItem();

    private Dictionary<string, string> AppSettings() =>
        WebApp().GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings")
            .EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetString()!);

    // A value computed at deployment, e.g. [format('https://{0}/api/messages', reference(...))], is judged by its
    // format string, which is all that is known before Azure evaluates it.
    private static string FormatStringOf(string value)
    {
        const string formatCall = "[format('";
        if (!value.StartsWith(formatCall, StringComparison.Ordinal))
        {
            return value;
        }

        var end = value.IndexOf('\'', formatCall.Length);
        return value[formatCall.Length..end];
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RelanceBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No RelanceBot.sln above {AppContext.BaseDirectory}.");
    }
}
