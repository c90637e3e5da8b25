# syntax=docker/dockerfile:1
# BotHost in a container: build with the SDK image, run on the ASP.NET Core runtime image (Kestrel serves the
# health and metrics endpoint) as the image's non-root user. See README "Run it as a service".
#
#   docker build -t bothost .
#   docker run -d --name bothost --restart unless-stopped \
#     -e Discord__Token=... \
#     -v bothost-data:/app/data \
#     -v "$PWD/config:/app/config:ro" \
#     -p 127.0.0.1:9464:9464 \
#     bothost
#
# `docker stop` sends SIGTERM: the bot finishes or hands back in-flight deliveries and exits 0 (give it the 30 s
# shutdown budget: --stop-timeout 45 if your runtime's default is shorter).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files alone, so a source change does not invalidate the package layer.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/BotHost/BotHost.csproj src/BotHost/
COPY src/BotHost.Core/BotHost.Core.csproj src/BotHost.Core/
COPY src/BotHost.Discord/BotHost.Discord.csproj src/BotHost.Discord/
RUN dotnet restore src/BotHost/BotHost.csproj
COPY src/ src/
RUN dotnet publish src/BotHost/BotHost.csproj --configuration Release --no-restore --output /app/publish

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app/publish ./
# The defaults; mount your own config/ over it (read-only is fine: only `sources import` writes there).
COPY config/ ./config/
# The database lives on the volume; the image's built-in non-root user ($APP_UID) owns it.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
USER $APP_UID
ENV DOTNET_ENVIRONMENT=Production \
    Storage__DatabasePath=/app/data/bothost.db \
    Operations__Enabled=true \
    Operations__Address=0.0.0.0 \
    Logging__Console__FormatterName=json
VOLUME ["/app/data"]
EXPOSE 9464
ENTRYPOINT ["dotnet", "BotHost.dll"]
CMD ["run"]
