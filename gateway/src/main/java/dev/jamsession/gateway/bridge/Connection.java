package dev.jamsession.gateway.bridge;

/**
 * One browser connection and the identity the server bound to it. Mutable, but touched only
 * on the gateway verticle's event loop.
 */
final class Connection {
  final String id;
  final String remoteIp;
  private String code;
  private String participantId;

  Connection(String id, String remoteIp) {
    this.id = id;
    this.remoteIp = remoteIp;
  }

  String code() {
    return code;
  }

  String participantId() {
    return participantId;
  }

  boolean isJoined() {
    return code != null;
  }

  void bind(String code, String participantId) {
    this.code = code;
    this.participantId = participantId;
  }

  void unbind() {
    code = null;
    participantId = null;
  }
}
