package dev.marketlens.sync.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

  @Test
  @DisplayName("every element arrives once, in order, in batches of the size asked")
  void batches_in_order() {
    List<List<Integer>> batches = new ArrayList<>();
    try (ReadAhead<Integer> ahead =
        new ReadAhead<>(IntStream.range(0, 25).boxed().iterator(), 10, "test")) {
      ahead.forEachRemaining(batches::add);
    }
    assertThat(batches).extracting(List::size).containsExactly(10, 10, 5);
    assertThat(batches.stream().flatMap(List::stream).toList())
        .isEqualTo(IntStream.range(0, 25).boxed().toList());
  }

  @Test
  @DisplayName("a failure of the source reaches the caller as thrown, after the batches before it")
  void failure_reaches_the_caller() {
    Iterator<Integer> failing =
        new Iterator<>() {
          int i;

          @Override
          public boolean hasNext() {
            return true;
          }

          @Override
          public Integer next() {
            if (i == 12) {
              throw new IllegalArgumentException("file.csv line 14: bad");
            }
            return i++;
          }
        };
    try (ReadAhead<Integer> ahead = new ReadAhead<>(failing, 5, "test")) {
      assertThat(ahead.next()).hasSize(5);
      assertThat(ahead.next()).hasSize(5);
      assertThatThrownBy(ahead::next)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("file.csv line 14: bad");
    }
  }

  @Test
  @DisplayName("closing before the end stops the reading thread")
  void close_stops_reading() {
    Iterator<Integer> endless = IntStream.iterate(0, i -> i + 1).boxed().iterator();
    ReadAhead<Integer> ahead = new ReadAhead<>(endless, 3, "endless");
    assertThat(ahead.next()).containsExactly(0, 1, 2);
    ahead.close();
    assertThat(
            Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("endless"))
                .filter(Thread::isAlive))
        .isEmpty();
  }
}
