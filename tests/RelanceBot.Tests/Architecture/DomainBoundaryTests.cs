using System.Reflection;
using System.Reflection.Emit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using RelanceBot.Invoices;

namespace RelanceBot.Tests.Architecture;

/// <summary>
/// The domain knows nothing of HTTP, EF, vendors, the scheduler or JSON. The domain is every type of the capability
/// namespaces below (entities, value types, enums, rules, the cadence planner, alerts) except the adapters, recognised
/// by their role: EF configurations, Quartz jobs, endpoints, CLI commands, HTTP requests and responses, options, DI
/// registration, database queries, and the services the container builds with the database context, a scope factory or
/// an ASP.NET Core service (use cases, the sweep, link signing). Checked in signatures, attributes and method bodies (IL).
/// </summary>
public sealed class DomainBoundaryTests
{
    private static readonly string[] DomainNamespaces =
    [
        "RelanceBot.Invoices", "RelanceBot.Patients", "RelanceBot.Plans", "RelanceBot.Reminders",
        "RelanceBot.Reminders.Calendar", "RelanceBot.Alerts", "RelanceBot.Practices",
    ];

    private static readonly string[] ForbiddenAssemblies =
        ["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Stripe.net", "Quartz", "System.Text.Json", "Npgsql"];

    private static readonly string[] AdapterNameSuffixes =
        ["Endpoints", "Command", "Commands", "Request", "Response", "Options", "Queries", "ServiceCollectionExtensions"];

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    public static TheoryData<string> DomainTypeNames() => new(DomainTypes().Select(type => type.FullName!));

    [Fact]
    public void TheDomainSet_IsWhatItSaysItIs()
    {
        var names = DomainTypes().Select(type => type.Name).ToList();
        names.ShouldContain("Invoice");
        names.ShouldContain("Patient");
        names.ShouldContain("InstallmentPlan");
        names.ShouldContain("CadencePlanner");
        names.ShouldContain("StaffAlert");
        names.ShouldContain("StepAction");
        names.ShouldNotContain("InvoiceConfiguration");
        names.ShouldNotContain("UpsertInvoice");
    }

    [Theory]
    [MemberData(nameof(DomainTypeNames))]
    public void DomainType_ReferencesNoHostDatabaseVendorSchedulerOrJson(string typeName)
    {
        var type = typeof(Invoice).Assembly.GetType(typeName)!;

        var offending = ReferencedTypes(type)
            .Where(referenced => ForbiddenAssemblies.Any(prefix =>
                referenced.Assembly.GetName().Name!.StartsWith(prefix, StringComparison.Ordinal)))
            .Select(referenced => referenced.FullName ?? referenced.Name)
            .Distinct()
            .ToList();

        offending.ShouldBeEmpty();
    }

    private static IEnumerable<Type> DomainTypes() => typeof(Invoice).Assembly.GetTypes()
        .Where(type => DomainNamespaces.Contains(type.Namespace) && !type.IsNested && !IsAdapter(type))
        .OrderBy(type => type.FullName, StringComparer.Ordinal);

    private static bool IsAdapter(Type type) =>
        AdapterNameSuffixes.Any(suffix => type.Name.EndsWith(suffix, StringComparison.Ordinal))
        || type.GetInterfaces().Any(contract => contract == typeof(IJob)
            || (contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))
            || contract.Namespace?.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) == true
            || contract.Namespace?.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true)
        || type.BaseType?.Assembly.GetName().Name?.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true
        || type.GetConstructors().Any(constructor => constructor.GetParameters().Any(parameter => IsInfrastructureService(parameter.ParameterType)))
        || type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Any(method => method.GetParameters().Any(parameter => typeof(DbContext).IsAssignableFrom(parameter.ParameterType)));

    private static bool IsInfrastructureService(Type type) =>
        typeof(DbContext).IsAssignableFrom(type)
        || type == typeof(IServiceScopeFactory)
        || type.Assembly.GetName().Name!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal);

    /// <summary>Every type a type and its nested types (closures, state machines) name, in signatures, attributes or IL.</summary>
    private static IEnumerable<Type> ReferencedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var nested in type.GetNestedTypes(all))
        {
            foreach (var referenced in ReferencedTypes(nested))
            {
                yield return referenced;
            }
        }

        var named = new List<Type?> { type.BaseType };
        named.AddRange(type.GetInterfaces());
        named.AddRange(Attributes(type.CustomAttributes));
        foreach (var field in type.GetFields(all))
        {
            named.Add(field.FieldType);
            named.AddRange(Attributes(field.CustomAttributes));
        }

        foreach (var property in type.GetProperties(all))
        {
            named.Add(property.PropertyType);
            named.AddRange(Attributes(property.CustomAttributes));
        }

        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            named.AddRange(Attributes(method.CustomAttributes));
            named.AddRange(method.GetParameters().SelectMany(parameter => Attributes(parameter.CustomAttributes).Append(parameter.ParameterType)));
            if (method is MethodInfo info)
            {
                named.Add(info.ReturnType);
            }

            named.AddRange(BodyReferences(method));
        }

        foreach (var referenced in named.OfType<Type>().SelectMany(Expand))
        {
            yield return referenced;
        }
    }

    private static IEnumerable<Type?> Attributes(IEnumerable<CustomAttributeData> attributes) =>
        attributes.SelectMany(attribute => attribute.ConstructorArguments.Select(argument => argument.Value as Type).Append(attribute.AttributeType));

    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType)
        {
            return Expand(type.GetElementType()!);
        }

        return type.IsGenericType && !type.IsGenericTypeDefinition
            ? type.GetGenericArguments().SelectMany(Expand).Append(type.GetGenericTypeDefinition())
            : [type];
    }

    /// <summary>The types, fields and methods a method body names (the metadata tokens of its IL).</summary>
    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var position = 0;
        while (position < il.Length)
        {
            var value = il[position] == 0xFE ? (short)(0xFE00 | il[position + 1]) : il[position];
            position += il[position] == 0xFE ? 2 : 1;
            var code = OpCodesByValue[value];
            var operandSize = OperandSize(code, il, position);
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var token = BitConverter.ToInt32(il, position);
                if (Resolve(method, token) is { } type)
                {
                    yield return type;
                }
            }

            position += operandSize;
        }
    }

    private static Type? Resolve(MethodBase method, int token)
    {
        try
        {
            var member = method.Module.ResolveMember(
                token,
                method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null,
                method.IsGenericMethod ? method.GetGenericArguments() : null);
            return member as Type ?? member?.DeclaringType;
        }
        catch (Exception exception) when (exception is ArgumentException or BadImageFormatException or FileNotFoundException)
        {
            return null;
        }
    }

    private static int OperandSize(OpCode code, byte[] il, int position) => code.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, position)),
        _ => 4,
    };
}
