package dev.jamsession.runtime.jam;

import com.hazelcast.config.ClassFilter;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.SerializationConfig;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers the Compact serializers of everything the jams map stores or sends between members
 * (a schema'd serialization, never Java's: docs/ARCHITECTURE.md, "Jam state and its single
 * writer"). Every member registers them, so any member can run a command, read a jam or take
 * over a partition.
 */
public final class JamSerialization {
  private JamSerialization() {}

  public static List<CompactSerializer<?>> serializers() {
    List<CompactSerializer<?>> all = new ArrayList<>(StateSerializers.all());
    all.addAll(CommandSerializers.all());
    all.addAll(ProcessorSerializers.all());
    return all;
  }

  /**
   * Registers the serializers, and refuses Java deserialization of any of our classes, so a type
   * that missed its serializer fails loudly instead of silently travelling as Java bytes.
   */
  public static void register(SerializationConfig config) {
    config.getCompactSerializationConfig().setSerializers(serializers().toArray(new CompactSerializer<?>[0]));
    config.setJavaSerializationFilterConfig(new JavaSerializationFilterConfig()
        .setBlacklist(new ClassFilter().addPrefixes("dev.jamsession.")));
  }
}
