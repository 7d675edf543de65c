package dev.jamsession.gateway.bridge;

/**
 * One browser connection and the identity the server bound to it: a participant of a jam (a code
 * and a participant id), a screen of a jam (a code alone, PROTOCOL §12), or neither. Mutable, but
 * touched only on the event loop of the gateway verticle that owns the socket.
 */
final class Connection {
  final String id;
  final String remoteIp;
  private final BridgeSocket socket;
  private String code;
  private String participantId;
  /** The jam's rev when this binding was made: an event up to it was applied before, not after. */
  private long boundRev;
  private boolean listening;
  private boolean joinPending;
  private boolean closed;

  Connection(String id, String remoteIp, BridgeSocket socket) {
    this.id = id;
    this.remoteIp = remoteIp;
    this.socket = socket;
  }

  String code() {
    return code;
  }

  String participantId() {
    return participantId;
  }

  /** A participant of a jam. */
  boolean isJoined() {
    return participantId != null;
  }

  /** A screen of a jam: it sees the jam's events, but is nobody in it. */
  boolean isScreen() {
    return code != null && participantId == null;
  }

  boolean isClosed() {
    return closed;
  }

  /** Whether the connection has registered its jam's events (and is still in that jam). */
  boolean isListening() {
    return listening;
  }

  /** {@code participantId} null: the connection becomes a screen of the jam, as of its {@code rev}. */
  void bind(String code, String participantId, long rev) {
    this.code = code;
    this.participantId = participantId;
    this.boundRev = rev;
    this.listening = false;
  }

  long boundRev() {
    return boundRev;
  }

  void unbind() {
    code = null;
    participantId = null;
    listening = false;
  }

  void listen(boolean on) {
    listening = on && code != null;
  }

  /** One join at a time per connection: a second in flight could only leave a ghost behind. */
  boolean startJoin() {
    if (joinPending) {
      return false;
    }
    joinPending = true;
    return true;
  }

  void endJoin() {
    joinPending = false;
  }

  void markClosed() {
    closed = true;
    unbind();
  }

  void write(Frame frame) {
    socket.write(frame);
  }
}
