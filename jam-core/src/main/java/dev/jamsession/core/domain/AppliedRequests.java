package dev.jamsession.core.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The requests a jam remembers (PROTOCOL §9), immutable and grouped by owner: every tracked
 * command looks one up, so a lookup reads its owner's few only, and a change copies the index of
 * owners and the one owner's list, not every request of the room.
 */
public final class AppliedRequests {
  public static final AppliedRequests NONE = new AppliedRequests(Map.of());

  /** Owner to its requests, oldest first. */
  private final Map<String, List<Jam.AppliedRequest>> byOwner;

  private AppliedRequests(Map<String, List<Jam.AppliedRequest>> byOwner) {
    this.byOwner = byOwner;
  }

  /** From a flat list in which each owner's requests are oldest first (as {@link #all} gives). */
  public static AppliedRequests of(List<Jam.AppliedRequest> all) {
    Map<String, List<Jam.AppliedRequest>> byOwner = new HashMap<>();
    for (Jam.AppliedRequest a : all) {
      byOwner.computeIfAbsent(a.owner(), o -> new ArrayList<>()).add(a);
    }
    byOwner.replaceAll((owner, list) -> List.copyOf(list));
    return new AppliedRequests(Map.copyOf(byOwner));
  }

  /** Every request, each owner's oldest first. */
  public List<Jam.AppliedRequest> all() {
    List<Jam.AppliedRequest> all = new ArrayList<>();
    byOwner.values().forEach(all::addAll);
    return all;
  }

  public Optional<Jam.AppliedRequest> find(String owner, String requestId) {
    for (Jam.AppliedRequest a : byOwner.getOrDefault(owner, List.of())) {
      if (a.requestId().equals(requestId)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** With {@code request} added, its owner's oldest dropped beyond {@code keptPerOwner}. */
  AppliedRequests with(Jam.AppliedRequest request, int keptPerOwner) {
    List<Jam.AppliedRequest> own = new ArrayList<>(byOwner.getOrDefault(request.owner(), List.of()));
    own.add(request);
    Map<String, List<Jam.AppliedRequest>> next = new HashMap<>(byOwner);
    next.put(request.owner(), List.copyOf(own.subList(Math.max(0, own.size() - keptPerOwner), own.size())));
    return new AppliedRequests(next);
  }

  /** Without the requests that match {@code gone}; owners left with none are forgotten. */
  AppliedRequests without(Predicate<Jam.AppliedRequest> gone) {
    Map<String, List<Jam.AppliedRequest>> next = new HashMap<>();
    byOwner.forEach((owner, list) -> {
      List<Jam.AppliedRequest> kept = list.stream().filter(gone.negate()).toList();
      if (!kept.isEmpty()) {
        next.put(owner, kept);
      }
    });
    return new AppliedRequests(next);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AppliedRequests other && byOwner.equals(other.byOwner);
  }

  @Override
  public int hashCode() {
    return byOwner.hashCode();
  }

  @Override
  public String toString() {
    return byOwner.toString();
  }
}
