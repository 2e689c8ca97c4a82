package dev.marketlens.sync.files;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Batches of a source, read on a thread of their own one batch ahead of the caller, so that parsing
 * a file overlaps the database's work on the previous batch. A failure of the source reaches the
 * caller as it was thrown, at the batch where it happened.
 */
final class ReadAhead<T> implements Iterator<List<T>>, AutoCloseable {
  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2);
  private final Thread thread;
  private volatile boolean closed;
  private Object next;

  ReadAhead(Iterator<T> source, int batchSize, String name) {
    thread =
        new Thread(
            () -> {
              try {
                List<T> batch = new ArrayList<>(batchSize);
                while (!closed && source.hasNext()) {
                  batch.add(source.next());
                  if (batch.size() == batchSize) {
                    put(batch);
                    batch = new ArrayList<>(batchSize);
                  }
                }
                if (!batch.isEmpty()) {
                  put(batch);
                }
                put(END);
              } catch (RuntimeException | Error e) {
                put(e);
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
  }

  private void put(Object item) {
    try {
      while (!closed) {
        if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading " + thread.getName(), e);
      }
    }
    if (next instanceof RuntimeException e) {
      throw e;
    }
    if (next instanceof Error e) {
      throw e;
    }
    return next != END;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<T> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    List<T> batch = (List<T>) next;
    next = null;
    return batch;
  }

  /** Stops the reading thread, whether or not every batch was taken. */
  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
