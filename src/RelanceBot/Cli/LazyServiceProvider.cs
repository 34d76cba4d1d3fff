namespace RelanceBot.Cli;

/// <summary>The app's services, built the first time a command asks for one (never for help or a typo).</summary>
internal sealed class LazyServiceProvider(Func<IServiceProvider> build) : IServiceProvider
{
    private readonly Lazy<IServiceProvider> _services = new(build);

    public object? GetService(Type serviceType) => _services.Value.GetService(serviceType);
}
