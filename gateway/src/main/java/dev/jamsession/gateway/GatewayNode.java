package dev.jamsession.gateway;

import dev.jamsession.catalog.Catalog;
import dev.jamsession.gateway.bridge.BridgeMetrics;
import dev.jamsession.gateway.bridge.JamFanout;
import dev.jamsession.gateway.bridge.SocketCaps;
import dev.jamsession.gateway.http.ClientAddress;
import dev.jamsession.gateway.http.ConfigRoute;
import dev.jamsession.gateway.http.RestLimits;
import dev.jamsession.gateway.http.TlsSetup;
import dev.jamsession.playlists.PlaylistService;
import dev.jamsession.runtime.JamConfig;
import dev.jamsession.runtime.PublicUrl;
import dev.jamsession.runtime.bus.InternalClient;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.BooleanSupplier;

/**
 * What the gateway verticles of one node share, whatever their number: the fan-out, the metrics
 * and the per-address limits (an address's budget is the same whichever loop its sockets landed on),
 * the TLS settings (TLS_CERT_FILE/TLS_KEY_FILE, checked once), GET /api/config's join URL
 * (worked out, and printed, once the port is bound), and the client of the session service that
 * REST and the bridge send through.
 */
record GatewayNode(JamConfig config, Catalog catalog, PlaylistService playlists, PrometheusMeterRegistry registry,
                   BooleanSupplier clusterReady, String nodeId, InternalClient session, JamFanout fanout,
                   BridgeMetrics bridgeMetrics, RestLimits restLimits, ClientAddress clientAddress,
                   RateLimiter socketIpLimits, SocketCaps socketCaps, TlsSetup tls, ConfigRoute configRoute) {

  static GatewayNode create(JamConfig config, Catalog catalog, PlaylistService playlists,
                            PrometheusMeterRegistry registry, BooleanSupplier clusterReady, String nodeId,
                            InternalClient session) {
    TlsSetup tls = TlsSetup.fromEnv(config.env());
    return new GatewayNode(config, catalog, playlists, registry, clusterReady, nodeId, session, new JamFanout(),
        new BridgeMetrics(registry),
        new RestLimits(config.httpLimits(), new ClientAddress(config.trustedProxies())),
        new ClientAddress(config.trustedProxies()),
        new RateLimiter(config.socketIpRateLimit(), config.socketRateWindowMs()),
        new SocketCaps(config.socketsPerIp(), config.socketsMax()),
        tls, new ConfigRoute(PublicUrl.fromEnv(config.env()), tls.enabled()));
  }
}
