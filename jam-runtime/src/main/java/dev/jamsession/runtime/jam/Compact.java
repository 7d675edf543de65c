package dev.jamsession.runtime.jam;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Explicit Compact serializers for plain Java types (the domain knows nothing of Hazelcast):
 * one writer and one reader per type, with named fields, so the stored form has a schema and
 * never falls back to Java serialization.
 */
final class Compact {
  private Compact() {}

  static <T> CompactSerializer<T> of(Class<T> type, Function<CompactReader, T> read,
                                     BiConsumer<CompactWriter, T> write) {
    return new CompactSerializer<>() {
      @Override
      public T read(CompactReader reader) {
        return read.apply(reader);
      }

      @Override
      public void write(CompactWriter writer, T value) {
        write.accept(writer, value);
      }

      @Override
      public String getTypeName() {
        return type.getName();
      }

      @Override
      public Class<T> getCompactClass() {
        return type;
      }
    };
  }
}
