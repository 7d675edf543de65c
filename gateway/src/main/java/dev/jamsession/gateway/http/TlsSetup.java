package dev.jamsession.gateway.http;

import dev.jamsession.runtime.JamConfig;
import dev.jamsession.runtime.PemFiles;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.util.List;
import java.util.Map;

/**
 * HTTPS and WSS on PORT when TLS_CERT_FILE and TLS_KEY_FILE (PEM) are set: phones only grant
 * the clipboard, wake lock and a full Media Session to secure pages. Both or neither; a file
 * that is missing or not PEM stops start-up naming its variable.
 */
public final class TlsSetup {
  private final PemKeyCertOptions pem;

  private TlsSetup(PemKeyCertOptions pem) {
    this.pem = pem;
  }

  public static TlsSetup fromEnv(Map<String, String> env) {
    List<String> files = PemFiles.allOrNone(new JamConfig.Vars(env), "TLS", "TLS_CERT_FILE", "TLS_KEY_FILE");
    if (files == null) {
      return new TlsSetup(null);
    }
    PemFiles.require("TLS_CERT_FILE", files.get(0), "CERTIFICATE");
    PemFiles.require("TLS_KEY_FILE", files.get(1), "PRIVATE KEY");
    return new TlsSetup(new PemKeyCertOptions().setCertPath(files.get(0)).setKeyPath(files.get(1)));
  }

  public boolean enabled() {
    return pem != null;
  }

  /** The server options, with TLS when enabled. */
  public HttpServerOptions apply(HttpServerOptions options) {
    return enabled() ? options.setSsl(true).setKeyCertOptions(pem) : options;
  }
}
