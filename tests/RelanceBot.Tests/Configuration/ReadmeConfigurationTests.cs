using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RelanceBot.BotFramework;
using RelanceBot.Persistence;
using RelanceBot.Tests.TestHost;

namespace RelanceBot.Tests.Configuration;

/// <summary>
/// README's configuration table against the options the app binds: every key it names exists, and every setting of a
/// bound options class is named there. The bound classes are the app's own registrations (every
/// <c>BindConfiguration</c> or configuration-bound <c>Configure</c> adds an <see cref="IOptionsChangeTokenSource{T}"/>),
/// their keys the properties (or <see cref="ConfigurationKeyNameAttribute"/>), nested settings objects included.
/// </summary>
public sealed partial class ReadmeConfigurationTests
{
    /// <summary>Also bound from the configuration root (AddBotFramework): its keys may be documented there.</summary>
    private static readonly Type[] RootBound = [typeof(BotFrameworkOptions)];

    [Fact]
    public async Task The_readme_names_every_setting_of_the_options_classes_and_nothing_else()
    {
        var settings = await BoundSettingsAsync();
        var documented = DocumentedKeys();

        documented.Except(settings.Accepted, StringComparer.OrdinalIgnoreCase).ShouldBeEmpty(
            "README.md names settings that no options class binds");
        settings.Required.Where(keys => !keys.Any(key => documented.Contains(key, StringComparer.OrdinalIgnoreCase)))
            .Select(keys => keys[0]).ShouldBeEmpty("options the README's configuration table does not name");
    }

    /// <returns>Every key a setting can be written as, and per setting the keys any one of which documents it.</returns>
    private static async Task<(HashSet<string> Accepted, List<string[]> Required)> BoundSettingsAsync()
    {
        var registered = new List<ServiceDescriptor>();
        await using var app = new RelanceBotFactory();
        app.TestServices.Add(services => registered.AddRange(services));
        _ = app.Services;

        var accepted = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            // Read with GetConnectionString, not through an options class.
            $"ConnectionStrings:{DatabaseOptions.ConnectionStringName}",
        };
        var required = new List<string[]> { new[] { $"ConnectionStrings:{DatabaseOptions.ConnectionStringName}" } };
        var boundTypes = registered
            .Where(descriptor => descriptor.ServiceType.IsGenericType
                && descriptor.ServiceType.GetGenericTypeDefinition() == typeof(IOptionsChangeTokenSource<>))
            .Select(descriptor => descriptor.ServiceType.GetGenericArguments()[0])
            .Where(type => type.Namespace?.StartsWith("RelanceBot", StringComparison.Ordinal) == true)
            .Distinct()
            .ToList();
        boundTypes.ShouldNotBeEmpty();
        foreach (var type in boundTypes)
        {
            var section = SectionOf(type);
            foreach (var key in Leaves(type, ""))
            {
                var keys = RootBound.Contains(type) ? new[] { $"{section}:{key}", key } : [$"{section}:{key}"];
                accepted.UnionWith(keys);
                required.Add(keys);
            }
        }

        return (accepted, required);
    }

    private static string SectionOf(Type options)
    {
        var field = options.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)
            ?? options.GetField("Section", BindingFlags.Public | BindingFlags.Static);
        field.ShouldNotBeNull($"{options.Name} names its configuration section in a public const SectionName");
        return (string)field.GetRawConstantValue()!;
    }

    /// <summary>The keys of a settings object's bindable properties, nested settings objects walked into.</summary>
    private static IEnumerable<string> Leaves(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(property => property.SetMethod?.IsPublic == true || IsNested(property.PropertyType)))
        {
            var key = prefix + (property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name);
            if (IsNested(property.PropertyType))
            {
                foreach (var leaf in Leaves(property.PropertyType, key + ":"))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return key;
            }
        }
    }

    private static bool IsNested(Type type) => type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type)
        && type.Namespace?.StartsWith("RelanceBot", StringComparison.Ordinal) == true;

    /// <summary>
    /// The keys in the first column of the tables under <c>## Configuration</c>. A cell lists keys in backticks; one
    /// without a colon continues the section of the key before it (<c>`Delivery:Email:Host`, `Port`</c>).
    /// </summary>
    private static List<string> DocumentedKeys()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));
        var start = Array.FindIndex(lines, line => line.Trim() == "## Configuration");
        start.ShouldBeGreaterThan(0, "README.md has a '## Configuration' section");
        var keys = new List<string>();
        foreach (var line in lines.Skip(start + 1).TakeWhile(line => !line.StartsWith("## ", StringComparison.Ordinal)))
        {
            if (!line.StartsWith('|') || line.StartsWith("| ---", StringComparison.Ordinal))
            {
                continue;
            }

            var section = "";
            foreach (Match key in Quoted().Matches(line.Split('|')[1]))
            {
                var value = key.Groups[1].Value;
                var colon = value.LastIndexOf(':');
                if (colon >= 0)
                {
                    section = value[..colon];
                    keys.Add(value);
                }
                else
                {
                    keys.Add(section.Length == 0 ? value : $"{section}:{value}");
                }
            }
        }

        keys.ShouldNotBeEmpty();
        return keys;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "README.md")) && Directory.Exists(Path.Combine(directory.FullName, "src")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("README.md not found above the test binaries.");
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Quoted();
}
