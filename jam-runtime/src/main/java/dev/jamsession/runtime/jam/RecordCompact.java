package dev.jamsession.runtime.jam;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The Compact serializer of a record whose components are all plain values: one named field per
 * component, written and read by the component's declared type. The record's own components
 * are the schema, so a new component is serialized without a second list of its fields to keep
 * in step. A component of an unusual form (a jam's request index, a playlist with holes) names
 * its own {@link Field}.
 */
final class RecordCompact {
  private RecordCompact() {}

  /** The component types that travel as one Compact field of their own kind. */
  private static final Map<Class<?>, Plain<?>> PLAIN = Map.of(
      String.class, new Plain<>(String.class, CompactWriter::writeString, CompactReader::readString),
      int.class, new Plain<>(Integer.class, CompactWriter::writeInt32, CompactReader::readInt32),
      long.class, new Plain<>(Long.class, CompactWriter::writeInt64, CompactReader::readInt64),
      double.class, new Plain<>(Double.class, CompactWriter::writeFloat64, CompactReader::readFloat64),
      boolean.class, new Plain<>(Boolean.class, CompactWriter::writeBoolean, CompactReader::readBoolean),
      Boolean.class, new Plain<>(Boolean.class, CompactWriter::writeNullableBoolean, CompactReader::readNullableBoolean),
      Long.class, new Plain<>(Long.class, CompactWriter::writeNullableInt64, CompactReader::readNullableInt64),
      byte[].class, new Plain<>(byte[].class, CompactWriter::writeArrayOfInt8, CompactReader::readArrayOfInt8));

  private interface Write<T> {
    void write(CompactWriter w, String name, T value);
  }

  private interface Read<T> {
    T read(CompactReader r, String name);
  }

  /** A field kind: its writer and reader, and the (boxed) type of its values. */
  private record Plain<T>(Class<T> type, Write<T> write, Read<T> read) {
    Field field(String name) {
      return new Field((w, v) -> write.write(w, name, type.cast(v)), r -> read.read(r, name));
    }
  }

  /** How one component travels: as which Compact field(s), and back. */
  record Field(BiConsumer<CompactWriter, Object> write, Function<CompactReader, Object> read) {}

  static <R extends Record> CompactSerializer<R> of(Class<R> type) {
    return of(type, null, null);
  }

  /** With {@code component} travelling as {@code special} says. */
  static <R extends Record> CompactSerializer<R> of(Class<R> type, String component, Field special) {
    RecordComponent[] components = type.getRecordComponents();
    Field[] fields = Arrays.stream(components)
        .map(c -> c.getName().equals(component) ? special : field(c)).toArray(Field[]::new);
    Method[] accessors = Arrays.stream(components).map(RecordComponent::getAccessor).toArray(Method[]::new);
    Constructor<R> constructor = canonical(type, components);
    return Compact.of(type,
        r -> {
          Object[] args = new Object[fields.length];
          for (int i = 0; i < fields.length; i++) {
            args[i] = fields[i].read().apply(r);
          }
          return invoke(() -> constructor.newInstance(args));
        },
        (w, value) -> {
          for (int i = 0; i < fields.length; i++) {
            Method accessor = accessors[i];
            fields[i].write().accept(w, invoke(() -> accessor.invoke(value)));
          }
        });
  }

  private static Field field(RecordComponent component) {
    String name = component.getName();
    Class<?> type = component.getType();
    if (PLAIN.containsKey(type)) {
      return PLAIN.get(type).field(name);
    } else if (type.isEnum()) {
      return enumField(name, type);
    } else if (type == List.class || type == Set.class) {
      return collectionField(name, type == Set.class, elementType(component, 0));
    } else if (type == Map.class && elementType(component, 1) == Integer.class) {
      return countsField(name);
    }
    return new Field((w, v) -> w.writeCompact(name, v), r -> r.readCompact(name));
  }

  /** An enum by its constant's name; null stays null. */
  private static Field enumField(String name, Class<?> type) {
    Map<String, Object> constants = new HashMap<>();
    for (Object constant : type.getEnumConstants()) {
      constants.put(((Enum<?>) constant).name(), constant);
    }
    return new Field((w, v) -> w.writeString(name, v == null ? null : ((Enum<?>) v).name()),
        r -> {
          String constant = r.readString(name);
          return constant == null ? null : constants.get(constant);
        });
  }

  /** A list or set as an array: of strings, of longs, or of Compact values. */
  private static Field collectionField(String name, boolean set, Class<?> element) {
    if (element == String.class) {
      return new Field((w, v) -> w.writeArrayOfString(name, ((Collection<?>) v).toArray(new String[0])),
          r -> collection(set, r.readArrayOfString(name)));
    } else if (element == Long.class) {
      return new Field((w, v) -> w.writeArrayOfInt64(name,
              ((Collection<?>) v).stream().mapToLong(Long.class::cast).toArray()),
          r -> collection(set, Arrays.stream(r.readArrayOfInt64(name)).boxed().toArray()));
    }
    return new Field((w, v) -> w.writeArrayOfCompact(name,
            ((Collection<?>) v).toArray(n -> (Object[]) Array.newInstance(element, n))),
        r -> collection(set, r.readArrayOfCompact(name, element)));
  }

  private static Object collection(boolean set, Object[] items) {
    return set ? Set.of(items) : List.of(items);
  }

  /** A map of ids to counts (a queue item's votes) as two parallel arrays. */
  private static Field countsField(String name) {
    return new Field(
        (w, v) -> {
          Map<?, ?> counts = (Map<?, ?>) v;
          String[] keys = new String[counts.size()];
          int[] values = new int[counts.size()];
          int i = 0;
          for (Map.Entry<?, ?> e : counts.entrySet()) {
            keys[i] = (String) e.getKey();
            values[i++] = (Integer) e.getValue();
          }
          w.writeArrayOfString(name + "Keys", keys);
          w.writeArrayOfInt32(name, values);
        },
        r -> {
          String[] keys = r.readArrayOfString(name + "Keys");
          int[] values = r.readArrayOfInt32(name);
          Map<String, Integer> counts = new HashMap<>();
          for (int i = 0; i < keys.length; i++) {
            counts.put(keys[i], values[i]);
          }
          return counts;
        });
  }

  private static Class<?> elementType(RecordComponent component, int index) {
    Type argument = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[index];
    return (Class<?>) argument;
  }

  private static <R> Constructor<R> canonical(Class<R> type, RecordComponent[] components) {
    Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    try {
      return type.getDeclaredConstructor(types);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("a record without its canonical constructor: " + type, e);
    }
  }

  private interface Reflective<T> {
    T call() throws ReflectiveOperationException;
  }

  /** A reflective call; an exception the record itself threw (its checks) goes out unwrapped. */
  private static <T> T invoke(Reflective<T> call) {
    try {
      return call.call();
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
