using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RelanceBot.Invoices;
using RelanceBot.Scheduling;

namespace RelanceBot.Tests.Architecture;

/// <summary>
/// Each capability registers its own things and <c>Program</c> lists every capability: a capability's <c>Add…</c>
/// extension registers no service implemented in another capability's namespace, so none hides another's
/// registration (as <c>AddOutbox</c> once called <c>AddDelivery</c>). A capability may implement
/// another's port (a reminder send guard for the outbox); what counts is the implementing type, and a scheduled job
/// counts as its work.
/// </summary>
public sealed class RegistrationLayoutTests
{
    private static readonly Assembly App = typeof(Invoice).Assembly;

    public static TheoryData<string> CapabilityRegistrations() => new(RegistrationMethods().Select(method => $"{method.DeclaringType!.Name}.{method.Name}"));

    [Fact]
    public void TheCheck_SeesEveryCapabilityAndWhatItRegisters()
    {
        var names = RegistrationMethods().Select(method => method.Name).ToList();
        names.ShouldContain("AddPlans");
        names.ShouldContain("AddPersistence");
        names.ShouldContain("AddScaleOut");
        names.ShouldNotContain("AddScheduledJob");
        Registered(RegistrationMethods().Single(method => method.Name == "AddPlans"))
            .ShouldContain(typeof(RelanceBot.Plans.InstallmentChargeJob));
    }

    [Theory]
    [MemberData(nameof(CapabilityRegistrations))]
    public void ACapability_RegistersOnlyItsOwnTypes(string registration)
    {
        var method = RegistrationMethods().Single(candidate => $"{candidate.DeclaringType!.Name}.{candidate.Name}" == registration);
        var capability = CapabilityOf(method.DeclaringType!);

        var foreign = Registered(method)
            .Where(type => type.Assembly == App && CapabilityOf(type) != capability)
            .Select(type => type.FullName)
            .Distinct()
            .ToList();

        foreign.ShouldBeEmpty();
    }

    /// <summary>The app's one-argument <c>Add…</c> extensions of the container or the host builder.</summary>
    private static IEnumerable<MethodInfo> RegistrationMethods() => App.GetTypes()
        .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
        .Where(method => method.Name.StartsWith("Add", StringComparison.Ordinal) && method.GetParameters().Length == 1
            && method.GetParameters()[0].ParameterType is var target
            && (target == typeof(IServiceCollection) || target == typeof(IHostApplicationBuilder)))
        .OrderBy(method => method.DeclaringType!.Name, StringComparer.Ordinal);

    /// <summary>The implementing types of what <paramref name="method"/> adds to an empty container.</summary>
    private static List<Type> Registered(MethodInfo method)
    {
        // PostgreSQL: the provider under which the scale-out capability registers anything at all.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "PostgreSql" });
        var argument = method.GetParameters()[0].ParameterType == typeof(IServiceCollection) ? (object)builder.Services : builder;
        var before = builder.Services.ToHashSet();
        method.Invoke(null, [argument]);
        return builder.Services.Where(descriptor => !before.Contains(descriptor)).Select(ImplementationOf).ToList();
    }

    private static Type ImplementationOf(ServiceDescriptor descriptor)
    {
        var instance = descriptor.IsKeyedService ? descriptor.KeyedImplementationInstance : descriptor.ImplementationInstance;
        if (instance is ScheduledJob job)
        {
            return job.Work;
        }

        return (descriptor.IsKeyedService ? descriptor.KeyedImplementationType : descriptor.ImplementationType)
            ?? instance?.GetType()
            // A factory: what it is registered as is what it makes.
            ?? descriptor.ServiceType;
    }

    /// <summary>The capability folder a type lives in: <c>RelanceBot.Teams.Alerts</c> → <c>Teams</c>.</summary>
    private static string CapabilityOf(Type type) => (type.Namespace ?? "").Split('.') is [_, var capability, ..] ? capability : "";
}
