package dev.jamsession.runtime;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.PartitionLostEvent;
import com.hazelcast.partition.PartitionLostListener;
import com.hazelcast.partition.ReplicaMigrationEvent;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's membership and partition changes at INFO, in our own words: Hazelcast's own
 * logger stays at WARN, and without these lines an operator cannot see who joined, who left or
 * died, and when the jams' partitions finished moving. One line per member change and one per
 * migration round (not one per partition); a partition lost with its backup (lost jams) at ERROR.
 */
final class ClusterEventsLog implements MembershipListener, MigrationListener, PartitionLostListener {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterEventsLog.class);

  private final AtomicInteger failedReplicaMigrations = new AtomicInteger();

  @Override
  public void memberAdded(MembershipEvent event) {
    LOG.info("Cluster member joined: {} ({} members: {})", describe(event.getMember()),
        event.getMembers().size(), summary(event));
  }

  @Override
  public void memberRemoved(MembershipEvent event) {
    LOG.info("Cluster member left or was declared dead: {} ({} members: {})", describe(event.getMember()),
        event.getMembers().size(), summary(event));
  }

  @Override
  public void migrationStarted(MigrationState state) {
    failedReplicaMigrations.set(0);
    LOG.info("Partition migration started: {} planned", state.getPlannedMigrations());
  }

  @Override
  public void migrationFinished(MigrationState state) {
    int failed = failedReplicaMigrations.getAndSet(0);
    LOG.info("Partition migration finished: {} of {} completed in {} ms{}", state.getCompletedMigrations(),
        state.getPlannedMigrations(), state.getTotalElapsedTime(), failed == 0 ? "" : ", " + failed + " failed");
  }

  @Override
  public void replicaMigrationCompleted(ReplicaMigrationEvent event) {
    // One per partition replica: counted in migrationFinished, not logged.
  }

  @Override
  public void replicaMigrationFailed(ReplicaMigrationEvent event) {
    failedReplicaMigrations.incrementAndGet();
  }

  /**
   * Called for every partition whose owner died; with one backup (the jams map) the data is lost
   * only when its backup went too (lost backup count 1 or more, or all replicas).
   */
  @Override
  public void partitionLost(PartitionLostEvent event) {
    if (event.allReplicasInPartitionLost() || event.getLostBackupCount() >= JamNode.JAMS_BACKUPS) {
      LOG.error("Partition {} lost with its backup: the jams in it are gone", event.getPartitionId());
    }
  }

  private static String describe(Member member) {
    return member.getAddress() + (member.isLiteMember() ? " lite" : " data");
  }

  private static String summary(MembershipEvent event) {
    long data = event.getMembers().stream().filter(m -> !m.isLiteMember()).count();
    return data + " data, " + (event.getMembers().size() - data) + " lite";
  }
}
