package dev.jamsession.core.domain;

import dev.jamsession.core.protocol.ErrorCode;
import dev.jamsession.core.protocol.JamException;
import java.util.List;

/**
 * jam.react (PROTOCOL §12): a participant's emoji, published to the jam as a {@code reaction}
 * event. It changes no state and no revision. The rate limit is not here: it is no state of
 * the jam ({@link ReactionWindow}, kept beside the jam by session-service).
 */
public final class Reactions {
  private Reactions() {}

  /** The six reactions, as they are echoed (❤️ with its emoji presentation selector U+FE0F). */
  public static final List<String> EMOJI = List.of("🔥", "\u2764\uFE0F", "👏", "🎉", "😂", "👎");
  private static final String BARE_HEART = "\u2764";

  /** The emoji as echoed, or INVALID_INPUT; a bare U+2764 is taken as ❤️. */
  public static String emoji(Object raw) {
    if (BARE_HEART.equals(raw)) {
      return EMOJI.get(1);
    }
    if (raw instanceof String s && EMOJI.contains(s)) {
      return s;
    }
    throw Input.invalid("emoji must be one of " + String.join(" ", EMOJI));
  }

  /** Membership, then the jam's reactions setting (NOT_ALLOWED); shape was checked by the parser. */
  static Reply react(Draft d, Command.React c) {
    Participant actor = Membership.member(d, c.actor());
    if (!d.settings.reactions()) {
      throw new JamException(ErrorCode.NOT_ALLOWED, "The host has turned reactions off");
    }
    d.reaction(actor, c.emoji());
    return Reply.EMPTY;
  }
}
