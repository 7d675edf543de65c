package dev.jamsession.gateway.http;

import dev.jamsession.runtime.JamConfig;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    JamConfig.Vars v = new JamConfig.Vars(env);
    String cert = v.string("TLS_CERT_FILE", null);
    String key = v.string("TLS_KEY_FILE", null);
    if (cert == null && key == null) {
      return new TlsSetup(null);
    }
    if (cert == null || key == null) {
      throw new IllegalArgumentException((cert == null ? "TLS_CERT_FILE" : "TLS_KEY_FILE")
          + " must be set too: TLS needs both TLS_CERT_FILE and TLS_KEY_FILE");
    }
    requirePem("TLS_CERT_FILE", cert, "CERTIFICATE");
    requirePem("TLS_KEY_FILE", key, "PRIVATE KEY");
    return new TlsSetup(new PemKeyCertOptions().setCertPath(cert).setKeyPath(key));
  }

  private static void requirePem(String name, String file, String kind) {
    String text;
    try {
      text = Files.readString(Path.of(file), StandardCharsets.US_ASCII);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(name + " must name a readable PEM file, got '" + file + "'");
    }
    if (!text.contains("-----BEGIN ") || !text.contains(kind + "-----")) {
      throw new IllegalArgumentException(name + " must be a PEM file holding a " + kind + ", got '" + file + "'");
    }
  }

  public boolean enabled() {
    return pem != null;
  }

  /** The server options, with TLS when enabled. */
  public HttpServerOptions apply(HttpServerOptions options) {
    return enabled() ? options.setSsl(true).setKeyCertOptions(pem) : options;
  }
}
