package dev.jamsession.runtime;

import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.util.List;

/**
 * Mutual TLS on the clustered event bus (deploy/README.md, "Trust boundary"), from
 * EVENTBUS_TLS_CERT_FILE, EVENTBUS_TLS_KEY_FILE and EVENTBUS_TLS_CA_FILE (PEM; all or none, and
 * the same on every process of a cluster): each node presents its certificate and talks only to
 * nodes whose certificate the CA signed, so nobody else can send or read bus messages. Vert.x
 * checks the chain, not host names (its clustered event bus turns hostname verification off).
 * Hazelcast's own member port is not covered: that needs Hazelcast Enterprise.
 */
public record EventBusTls(String certFile, String keyFile, String caFile) {

  /** The settings, or null when none of the variables is set. */
  static EventBusTls fromEnv(JamConfig.Vars v) {
    List<String> files = PemFiles.allOrNone(v, "event-bus TLS",
        "EVENTBUS_TLS_CERT_FILE", "EVENTBUS_TLS_KEY_FILE", "EVENTBUS_TLS_CA_FILE");
    if (files == null) {
      return null;
    }
    PemFiles.require("EVENTBUS_TLS_CERT_FILE", files.get(0), "CERTIFICATE");
    PemFiles.require("EVENTBUS_TLS_KEY_FILE", files.get(1), "PRIVATE KEY");
    PemFiles.require("EVENTBUS_TLS_CA_FILE", files.get(2), "CERTIFICATE");
    return new EventBusTls(files.get(0), files.get(1), files.get(2));
  }

  void apply(EventBusOptions options) {
    options.setSsl(true)
        .setKeyCertOptions(new PemKeyCertOptions().setCertPath(certFile).setKeyPath(keyFile))
        .setTrustOptions(new PemTrustOptions().addCertPath(caFile))
        .setClientAuth(ClientAuth.REQUIRED);
  }
}
