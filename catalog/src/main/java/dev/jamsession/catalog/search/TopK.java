package dev.jamsession.catalog.search;

import java.util.Arrays;

/** Picks the k greatest sort keys without sorting every match: a page needs only the top. */
final class TopK {

  private TopK() {}

  /** The greatest {@code min(k, n)} of {@code keys[0..n)}, greatest first. */
  static long[] greatest(long[] keys, int n, int k) {
    int size = Math.min(k, n);
    long[] top;
    if ((long) size * 8 >= n) {
      top = Arrays.copyOf(keys, n);
      Arrays.sort(top);
      top = Arrays.copyOfRange(top, n - size, n);
    } else {
      top = Arrays.copyOf(keys, size);
      for (int i = size / 2 - 1; i >= 0; i--) {
        siftDown(top, i, size);
      }
      for (int i = size; i < n; i++) {
        if (keys[i] > top[0]) {
          top[0] = keys[i];
          siftDown(top, 0, size);
        }
      }
      Arrays.sort(top);
    }
    reverse(top);
    return top;
  }

  /** Min-heap sift: the heap root is the smallest key kept so far. */
  private static void siftDown(long[] heap, int i, int size) {
    long value = heap[i];
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && heap[child + 1] < heap[child]) {
        child++;
      }
      if (heap[child] >= value) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = value;
  }

  private static void reverse(long[] a) {
    for (int i = 0, j = a.length - 1; i < j; i++, j--) {
      long t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
