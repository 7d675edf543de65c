package dev.jamsession.benchmarks.load;

import java.util.ArrayList;
import java.util.List;

/** One jam of the load: its code and host token, its members, and (voting jams) its queue item ids. */
final class LoadJam {
  final int index;
  final String code;
  final String hostToken;
  final boolean voting;
  final List<Member> members = new ArrayList<>();
  /** Written by the host's event loop while it queues songs, read after that phase. */
  final String[] itemIds;

  LoadJam(int index, String code, String hostToken, boolean voting, int songs) {
    this.index = index;
    this.code = code;
    this.hostToken = hostToken;
    this.voting = voting;
    this.itemIds = new String[voting ? songs : 0];
  }
}
