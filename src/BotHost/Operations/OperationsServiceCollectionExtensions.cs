using System.Net;
using BotHost.Core.Collecting;
using BotHost.Core.Delivery;
using BotHost.Discord.Gateway;
using BotHost.Discord.Interactions;
using BotHost.Discord.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;

namespace BotHost.Operations;

public static class OperationsServiceCollectionExtensions
{
    /// <summary>Every meter BotHost's features publish; the README lists their instruments.</summary>
    public static IReadOnlyList<string> MeterNames { get; } =
        [CollectingMetrics.MeterName, DeliveryMetrics.MeterName, RestMetrics.MeterName, GatewayMetrics.MeterName, InteractionMetrics.MeterName];

    /// <summary>
    /// What `run` adds for operators: systemd integration (a no-op outside a systemd service), and when
    /// Operations:Enabled the OpenTelemetry meter provider with its Prometheus exporter and the health endpoint.
    /// The features only own System.Diagnostics.Metrics meters; OpenTelemetry is known here alone.
    /// </summary>
    public static HostApplicationBuilder AddOperations(this HostApplicationBuilder builder)
    {
        builder.Services.AddSystemd();
        // Under systemd the console switches to journald's format; an explicitly chosen formatter (json) still wins.
        if (builder.Configuration["Logging:Console:FormatterName"] is { Length: > 0 } formatter)
        {
            builder.Services.PostConfigure<ConsoleLoggerOptions>(o => o.FormatterName = formatter);
        }

        builder.Services.AddOptions<OperationsOptions>().BindConfiguration(OperationsOptions.Section)
            .Validate(o => IPAddress.TryParse(o.Address, out _), "Operations:Address must be an IP address to listen on, e.g. 127.0.0.1 (0.0.0.0 listens on every interface).")
            .Validate(o => o.Port is >= 0 and <= 65535, "Operations:Port must be between 0 and 65535 (0 picks a free port).")
            .Validate(o => o.MetricsPath is ['/', _, ..] && o.MetricsPath is not ("/healthz" or "/readyz") && !o.MetricsPath.Contains('?', StringComparison.Ordinal),
                "Operations:MetricsPath must be a path such as /metrics, other than /healthz and /readyz.")
            .ValidateOnStart();
        if (!builder.Configuration.GetValue<bool>($"{OperationsOptions.Section}:{nameof(OperationsOptions.Enabled)}"))
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter([.. MeterNames])
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        builder.Services.AddSingleton<ReadinessProbe>();
        builder.Services.AddSingleton<OperationsEndpoint>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OperationsEndpoint>());
        return builder;
    }
}
