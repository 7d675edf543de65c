package dev.jamsession.core.domain;

import dev.jamsession.core.domain.Command.Expire;
import dev.jamsession.core.domain.Command.UpdateSettings;

/** The host's settings and the jam's end: by the host, or by cleanup when idle or empty. */
final class SettingsRules {
  private SettingsRules() {}

  static Reply update(Draft d, UpdateSettings c) {
    Membership.requireHost(d, Membership.member(d, c.actor()), "Only the host can change the settings");
    Settings next = d.settings.apply(c.patch());
    if (!next.equals(d.settings)) {
      d.settings = next;
      d.lastActivity = d.now;
      // The rules apply to later adds: nothing queued is removed, but fairQueue may reorder (§11).
      if (d.sortQueue()) {
        d.event(EventType.SETTINGS_UPDATED, SnapshotField.QUEUE);
      } else {
        d.event(EventType.SETTINGS_UPDATED);
      }
    }
    return settingsReply();
  }

  static Reply settingsReply() {
    return Reply.of("settings", jam -> jam.settings().toMap());
  }

  static Reply end(Draft d, String actor) {
    Membership.requireHost(d, Membership.member(d, actor), "Only the host can end the jam");
    d.end("host-ended");
    return Reply.EMPTY;
  }

  static Reply expire(Draft d, Expire c) {
    if (d.lastActivity < c.idleBefore()) {
      d.end("idle");
    } else if (d.participants.isEmpty() && d.lastActivity + c.graceMs() <= d.now) {
      d.end("empty");
    }
    return Reply.EMPTY;
  }
}
